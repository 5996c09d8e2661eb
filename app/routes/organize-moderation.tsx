import '../../i18n/areas/community';
import { data, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-moderation';
import { framedMeta } from '../components/area-frame';
import { listQueue } from '../../core/communities/moderation';
import { can } from '../../core/policy/permissions';
import { getT } from '../../i18n';
import { communityError, moderate, MODERATED, queueView } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { ModerationQueue } from '../components/moderation-queue';
import { ErrorSummary } from '../components/form-kit';

// The organization's moderation queue: the open reports of all its communities, for its owners
// and admins (who hold community.moderate in every community of the organization).

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  if (!can(org.role, 'community.moderate')) throw data(getT(locale)('errors.notFound'), { status: 404 });
  const queue = await listQueue({ ctx, input: { organizationId: org.id } });
  const done = new URL(request.url).searchParams.get('done');
  return {
    locale,
    csrf,
    slug: org.slug,
    name: locale === 'fr' ? (org.nameFr ?? org.nameEn) : org.nameEn,
    queue: queueView(queue, locale),
    done: (MODERATED as readonly string[]).includes(done ?? '') ? (done as (typeof MODERATED)[number]) : null,
  };
}

export async function action(args: Route.ActionArgs) {
  const locale = localeOf(args.request);
  const { ctx, form } = await organizerForm(args, locale);
  try {
    return redirect(`${new URL(args.request.url).pathname}?done=${await moderate(ctx, form)}`);
  } catch (err) {
    const problem = communityError(err, getT(locale));
    return data<{ problem: FormProblem }>({ problem }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('community.moderation.orgTitle', { organization: data.name }));

export default function OrganizeModeration({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  return (
    <>
      <h1>{t('community.moderation.orgTitle', { organization: d.name })}</h1>
      {d.done && (
        <p className="notice success" role="status">
          {t(`community.moderation.done.${d.done as (typeof MODERATED)[number]}`)}
        </p>
      )}
      {actionData?.problem && <ErrorSummary message={actionData.problem.message} fields={actionData.problem.fields} />}
      <p className="lead">{t('community.moderation.orgLead')}</p>
      <ModerationQueue items={d.queue} csrf={d.csrf} locale={d.locale} withCommunity />
    </>
  );
}
