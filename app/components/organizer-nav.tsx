import '../../i18n/areas/admin';
import '../../i18n/areas/community';
import '../../i18n/areas/editor';
import '../../i18n/areas/organize';
import '../../i18n/areas/running';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import type { Permission } from '../../core/policy/permissions';
import { pathTo, type Page } from '../lib/paths';

/**
 * The areas of an organization, in the order of its navigation. Other features add theirs here
 * (one line each): the page key of app/lib/paths.ts (its path takes `:org`), the i18n key of its
 * label, the permission needed to see the link (none: every member), and the pages within the
 * area, for which its link is marked as current.
 */
export const ORG_AREAS: { page: Page; label: string; permission?: Permission; within?: Page[] }[] = [
  { page: 'orgHome', label: 'organize.nav.overview' },
  { page: 'orgProfile', label: 'organize.nav.profile' },
  { page: 'orgMembers', label: 'organize.nav.members' },
  { page: 'orgGroups', label: 'editor.nav', within: ['orgGroupNew', 'orgGroupEdit', 'orgGroupSchedule', 'orgGroupCohorts'] },
  { page: 'orgFacilitators', label: 'admin.facilitators.navLabel' },
  // Groups, dashboard, audit log: added by their features.
  { page: 'orgDashboard', label: 'running.dashboardLink', permission: 'organization.view', within: ['orgSession', 'orgCohort'] },
  { page: 'orgAudit', label: 'running.dashboard.auditLink', permission: 'audit.view' },
  { page: 'orgModeration', label: 'community.moderation.title', permission: 'community.moderate' },
];

/** The organization's navigation; the link of the area of the page being shown is marked as current. */
export function OrganizerNav({
  locale,
  slug,
  current,
  permissions,
}: {
  locale: Locale;
  slug: string;
  current: Page | null;
  permissions: readonly Permission[];
}) {
  const { t } = useTranslation();
  const areas = ORG_AREAS.filter((a) => !a.permission || permissions.includes(a.permission));
  return (
    <nav aria-label={t('organize.nav.label')} className="organizer-nav">
      <ul>
        {areas.map((a) => (
          <li key={a.page}>
            <Link to={pathTo(locale, a.page, { org: slug })} aria-current={a.page === current || (current && a.within?.includes(current)) ? 'page' : undefined}>
              {t(a.label as 'organize.nav.overview')}
            </Link>
          </li>
        ))}
        <li>
          <Link to={pathTo(locale, 'organize')}>{t('organize.nav.allOrganizations')}</Link>
        </li>
      </ul>
    </nav>
  );
}
