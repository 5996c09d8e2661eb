import '../../i18n/areas/admin';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/admin-home';
import { getAdminOverview } from '../../core/admin';
import { requirePlatformAdminUser } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { adminMeta } from './admin-shared';

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx } = await requirePlatformAdminUser({ request, context }, locale);
  const overview = await getAdminOverview({ ctx });
  return { locale, overview };
}

export const meta: Route.MetaFunction = (args) => adminMeta(args, 'admin.home.title');

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, overview } = loaderData;
  return (
    <>
      <h1>{t('admin.home.title')}</h1>
      <p className="muted">{t('admin.home.lead')}</p>
      <ul className="admin-counts">
        <li>
          <p>{t('admin.home.pendingLicences', { count: overview.pendingLicences })}</p>
          <p>
            <Link to={pathTo(locale, 'adminLicences')}>{t('admin.home.reviewLicences')}</Link>
          </p>
        </li>
        <li>
          <p>{t('admin.home.openReports', { count: overview.openReports })}</p>
          <p>
            <Link to={pathTo(locale, 'adminReports')}>{t('admin.home.seeReports')}</Link>
          </p>
        </li>
        <li>
          <p>{t('admin.comments.waiting', { count: overview.pendingComments })}</p>
          <p>
            <Link to={pathTo(locale, 'adminComments')}>{t('admin.comments.read')}</Link>
          </p>
        </li>
        <li>
          <p>{t('admin.home.admins', { count: overview.platformAdmins })}</p>
          <p className="muted">
            {t('admin.home.addAdmin')} <code>npm run admin:create -- --email … --name "…"</code>
          </p>
        </li>
      </ul>
    </>
  );
}
