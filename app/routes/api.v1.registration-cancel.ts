import type { Route } from './+types/api.v1.registration-cancel';
import { cancelRegistration } from '../../core/participants/cancel-registration';
import { getT, isLocale, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { apiError } from '../lib/query.server';
import { readJsonBody, apiCoreError, isUuid } from '../lib/api-body.server';

/** POST /api/v1/registrations/:id/cancel — `{ token }` (from a manage link) → 200 `{ cancelled, promoted }`. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const body = await readJsonBody(request);
  const locale = isLocale(body.value?.locale) ? body.value.locale : negotiateLocale(request.headers.get('accept-language'));
  const t = getT(locale);
  if (!isUuid(params.id)) return apiError(404, 'not_found', t('signup.errors.not_found'));
  if (!body.ok) return apiError(400, 'invalid', t('signup.errors.badJson'));
  try {
    const r = await cancelRegistration({
      ctx: coreContext(context, locale),
      input: { token: String(body.value.token ?? ''), registrationId: params.id },
    });
    return Response.json({ cancelled: r.cancelled, promoted: r.promoted.length });
  } catch (err) {
    return apiCoreError(err, t);
  }
}
