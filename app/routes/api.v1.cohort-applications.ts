import type { Route } from './+types/api.v1.cohort-applications';
import { applyToCohort } from '../../core/applications/apply-to-cohort';
import { getT, isLocale, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { apiError } from '../lib/query.server';
import { readJsonBody, apiCoreError, isUuid } from '../lib/api-body.server';

/**
 * POST /api/v1/cohorts/:id/applications — `{ name, email, consent: true, commitment: true, answers?, age?, region?, locale? }`
 * → 201 `{ status: "applied" | "accepted" | "waitlisted", position?, manage_url }`.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const body = await readJsonBody(request);
  const locale = isLocale(body.value?.locale) ? body.value.locale : negotiateLocale(request.headers.get('accept-language'));
  const t = getT(locale);
  if (!isUuid(params.id)) return apiError(404, 'not_found', t('signup.errors.not_found'));
  if (!body.ok) return apiError(400, 'invalid', t('signup.errors.badJson'));
  if (request.method !== 'POST') return apiError(405, 'invalid', 'POST only');
  try {
    const r = await applyToCohort({ ctx: coreContext(context, locale), input: { ...body.value, cohortId: params.id } as never });
    return Response.json(
      { id: r.applicationId, status: r.status, ...(r.position != null ? { position: r.position } : {}), manage_url: r.manageUrl },
      { status: 201 },
    );
  } catch (err) {
    return apiCoreError(err, t);
  }
}
