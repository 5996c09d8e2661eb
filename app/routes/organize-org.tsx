import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-org';
import { getOrganization, nameIn } from '../../core/organizations';
import { localeOf, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { ORG_AREAS, OrganizerNav } from '../components/organizer-nav';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, org } = await organizerPage({ request, context, params }, locale);
  const view = await getOrganization({ ctx, input: { organizationId: org.id } });
  return {
    locale,
    slug: view.slug,
    name: nameIn(view, locale),
    role: view.myRole,
    verification: view.verification,
    missing: view.missingLanguages,
    permissions: view.myPermissions,
    joined: new URL(request.url).searchParams.get('joined') === '1',
  };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.name ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function OrganizeOrg({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, slug, name, role, verification, missing, permissions, joined } = loaderData;
  const areas = ORG_AREAS.filter((a) => a.page !== 'orgHome' && (!a.permission || permissions.includes(a.permission)));
  const languages = missing.map((l) => t(l === 'en' ? 'organize.profile.english' : 'organize.profile.french').toLowerCase()).join(', ');
  return (
    <div className="page narrow">
      <OrganizerNav locale={locale} slug={slug} current="orgHome" permissions={permissions} />
      <h1>{name}</h1>
      {joined && (
        <p className="notice success" role="status">
          {t('organize.invitation.accepted', { name })}
        </p>
      )}
      <p>
        {t('organize.overview.yourRole', { role: t(`organize.role.${role}`) })} {t('organize.overview.status', { status: t(`organize.verification.${verification}`) })}
      </p>
      {missing.length > 0 && <p className="notice">{t('organize.overview.missing', { languages })}</p>}
      <h2 id="areas-title">{t('organize.overview.lead')}</h2>
      <ul aria-labelledby="areas-title" className="org-areas">
        {areas.map((a) => (
          <li key={a.page}>
            <Link to={pathTo(locale, a.page, { org: slug })}>{t(a.label as 'organize.nav.overview')}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
