import '../../i18n/areas/admin';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getT, type Locale } from '../../i18n';
import { pathTo, type Page } from '../lib/paths';
import { framedMeta } from '../components/area-frame';

// Pieces shared by the platform admin pages (admin-home, admin-licences, admin-reports).

const AREAS: { page: Page; label: 'admin.nav.home' | 'admin.nav.licences' | 'admin.nav.reports' | 'admin.nav.organizations' | 'admin.articles.nav' | 'admin.comments.nav'; within?: Page[] }[] = [
  { page: 'admin', label: 'admin.nav.home' },
  { page: 'adminLicences', label: 'admin.nav.licences' },
  { page: 'adminReports', label: 'admin.nav.reports' },
  { page: 'adminOrganizations', label: 'admin.nav.organizations' },
  { page: 'adminArticles', label: 'admin.articles.nav', within: ['adminArticleNew', 'adminArticle'] },
  { page: 'adminComments', label: 'admin.comments.nav' },
];

/** The admin area's navigation; the page being shown is marked as current. */
export function AdminNav({ locale, current }: { locale: Locale; current: Page | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.nav.label')} className="organizer-nav">
      <ul>
        {AREAS.map((a) => (
          <li key={a.page}>
            <Link to={pathTo(locale, a.page)} aria-current={a.page === current ? 'page' : current && a.within?.includes(current) ? 'true' : undefined}>
              {t(a.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A date and time in the page's language (Canadian conventions). */
export function formatWhen(date: Date | string | null, locale: Locale): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Toronto' }).format(
    new Date(date),
  );
}

/** A day in the page's language. */
export function formatDate(date: Date | string | null, locale: Locale): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeZone: 'America/Toronto' }).format(new Date(date));
}

type AdminTitle = 'admin.home.title' | 'admin.licences.title' | 'admin.reports.title' | 'admin.organizations.title' | 'admin.articles.listTitle' | 'admin.comments.title';

/** The meta tags of an admin page: its title, and no indexing. */
export function adminMeta(args: { data?: { locale: Locale }; matches: Parameters<typeof framedMeta>[0]['matches'] }, title: AdminTitle) {
  return framedMeta(args, args.data && getT(args.data.locale)(title));
}
