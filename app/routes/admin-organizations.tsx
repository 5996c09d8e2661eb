import '../../i18n/areas/admin';
import '../../i18n/areas/organize';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/admin-organizations';
import { listOrganizations, setOrganizationVerification } from '../../core/admin';
import { pick } from '../../core/text';
import { VERIFICATION_STATUSES } from '../../db/schema/values';
import { getT } from '../../i18n';
import { requireOrganizerForm, requirePlatformAdminUser } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { formatDate, adminMeta } from './admin-shared';
import { formProblem } from '../lib/problem.server';
import { ErrorSummary } from '../components/form-kit';
import { field } from '../lib/form-values';

const STATUSES = VERIFICATION_STATUSES;
type Status = (typeof STATUSES)[number];

/** Platform administrators verify organizations here (search and the guide rank verified ones first). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf } = await requirePlatformAdminUser({ request, context }, locale);
  const orgs = await listOrganizations({ ctx });
  const search = new URL(request.url).searchParams;
  const doneId = search.get('done');
  const done = orgs.find((o) => o.id === doneId);
  const nameOf = (o: (typeof orgs)[number]) => pick(o.name, locale)?.text ?? o.slug;
  return {
    locale,
    csrf,
    done: done ? { name: nameOf(done), status: done.verification } : null,
    organizations: orgs.map((o) => ({
      id: o.id,
      name: nameOf(o),
      verification: o.verification,
      described: o.described,
      contact: [o.website, o.email, o.phone].filter((c): c is string => Boolean(c)),
      city: o.city,
      publishedGroups: o.publishedGroups,
      created: formatDate(o.createdAt, locale),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  await requirePlatformAdminUser({ request, context }, locale);
  const { ctx, form } = await requireOrganizerForm({ request, context }, locale);
  const organizationId = field(form, 'organizationId');
  const verification = field(form, 'verification');
  try {
    await setOrganizationVerification({ ctx, input: { organizationId, verification: verification as Status } });
    return redirect(`${pathTo(locale, 'adminOrganizations')}?${new URLSearchParams({ done: organizationId })}`);
  } catch (err) {
    const e = formProblem(err, t, 'admin');
    return data({ ...e, organizationId }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = (args) => adminMeta(args, 'admin.organizations.title');

export default function AdminOrganizations({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { csrf, done, organizations } = loaderData;
  return (
    <>
      <h1>{t('admin.organizations.title')}</h1>
      <p className="muted">{t('admin.organizations.lead')}</p>
      {done && (
        <p className="notice success" role="status">
          {t('admin.organizations.done', { name: done.name, status: t(`organize.verification.${done.status}`) })}
        </p>
      )}
      {actionData && <ErrorSummary message={actionData.message} />}
      {organizations.length === 0 && <p>{t('admin.organizations.none')}</p>}
      {organizations.map((o) => (
        <section key={o.id} aria-labelledby={`org-${o.id}`} className="card">
          <h2 id={`org-${o.id}`}>{o.name}</h2>
          <dl>
            <div>
              <dt>{t('admin.organizations.status')}</dt>
              <dd>{t(`organize.verification.${o.verification}`)}</dd>
            </div>
            <div>
              <dt>{t('admin.organizations.created')}</dt>
              <dd>{o.created}</dd>
            </div>
            <div>
              <dt>{t('admin.organizations.description')}</dt>
              <dd>{t(o.described ? 'admin.organizations.described' : 'admin.organizations.notDescribed')}</dd>
            </div>
            <div>
              <dt>{t('admin.organizations.contact')}</dt>
              <dd>{o.contact.length > 0 ? o.contact.join(' · ') : t('admin.organizations.noContact')}</dd>
            </div>
            <div>
              <dt>{t('admin.organizations.published')}</dt>
              <dd>{o.publishedGroups}</dd>
            </div>
          </dl>
          <Form method="post" className="inline-form" aria-label={t('admin.organizations.setFor', { name: o.name })}>
            <CsrfField token={csrf} />
            <input type="hidden" name="organizationId" value={o.id} />
            <label htmlFor={`verification-${o.id}`}>{t('admin.organizations.status')}</label>{' '}
            <select id={`verification-${o.id}`} name="verification" defaultValue={o.verification}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`organize.verification.${s}`)}
                </option>
              ))}
            </select>{' '}
            <button type="submit">
              {t('admin.organizations.set')}
              <span className="visually-hidden"> · {o.name}</span>
            </button>
          </Form>
        </section>
      ))}
    </>
  );
}
