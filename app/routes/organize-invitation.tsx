import '../../i18n/areas/organize';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-invitation';
import { CoreError } from '../../core/errors';
import { acceptInvitation, getInvitation, nameIn } from '../../core/organizations';
import { getT } from '../../i18n';
import { requireOrganizer, requireOrganizerForm } from '../lib/auth.server';
import { localeOf, organizeError } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary } from '../components/form-kit';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  // Not signed in yet: sign-in brings the person back here.
  const { ctx, csrf } = await requireOrganizer({ request, context }, locale);
  try {
    const inv = await getInvitation({ ctx, input: { token: params.token } });
    return {
      locale,
      csrf,
      state: inv.state,
      name: nameIn(inv.organization, locale),
      slug: inv.organization.slug,
      role: inv.role,
      sentTo: inv.sentTo,
    };
  } catch (err) {
    if (err instanceof CoreError && err.code === 'not_found') throw data(t('organize.invitation.notFound'), { status: 404 });
    throw err;
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx } = await requireOrganizerForm({ request, context }, locale);
  try {
    const { slug } = await acceptInvitation({ ctx, input: { token: params.token } });
    return redirect(`${pathTo(locale, 'orgHome', { org: slug })}?joined=1`);
  } catch (err) {
    // The page is shown again with the invitation's current state, which says why.
    const e = organizeError(err, t);
    return data({ message: e.message }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data ? getT(data.locale)('organize.invitation.title', { name: data.name }) : ''} · Cercle` },
  // The address carries a secret: never indexed, never sent to other sites.
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'no-referrer' },
];

const STATE_MESSAGE = {
  wrong_email: 'organize.invitation.wrongEmail',
  unverified: 'organize.invitation.unverified',
  member: 'organize.invitation.member',
  expired: 'organize.invitation.expired',
  revoked: 'organize.invitation.revoked',
  accepted: 'organize.invitation.used',
} as const;

export default function OrganizeInvitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, state, name, slug, role, sentTo } = loaderData;
  return (
    <div className="page narrow">
      <h1>{t('organize.invitation.title', { name })}</h1>
      <p>{t('organize.invitation.lead', { name, role: t(`organize.role.${role}`) })}</p>
      <p className="muted">{t('organize.invitation.sentTo', { email: sentTo })}</p>
      {state === 'pending' ? (
        <>
          {actionData && (
            <ErrorSummary message={actionData.message} />
          )}
          <Form method="post">
            <CsrfField token={csrf} />
            <button type="submit">{t('organize.invitation.accept')}</button>
          </Form>
        </>
      ) : (
        <>
          <p className={state === 'member' ? 'notice' : 'error-summary'} role={actionData ? 'alert' : undefined}>
            {t(STATE_MESSAGE[state])}
          </p>
          {state === 'member' && (
            <p>
              <Link to={pathTo(locale, 'orgHome', { org: slug })}>{t('organize.invitation.open')}</Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
