import '../../i18n/areas/admin';
import { Outlet } from 'react-router';
import type { Route } from './+types/admin-frame';
import { getT } from '../../i18n';
import { requirePlatformAdminUser } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { AreaFrame, ErrorContent, ErrorPage, framedMeta, useFramedPage } from '../components/area-frame';
import { AdminNav } from './admin-shared';

// The frame of the platform admin pages (/en/admin/…): administrators only (anyone else is told
// the page does not exist), and the area's navigation around every page.

export async function loader(args: Route.LoaderArgs) {
  const locale = localeOf(args.request);
  await requirePlatformAdminUser(args, locale);
  return { locale, title: getT(locale)('admin.home.title') };
}

export const meta: Route.MetaFunction = (args) => framedMeta(args, null);

export default function AdminFrame({ loaderData }: Route.ComponentProps) {
  const { page } = useFramedPage();
  return (
    <AreaFrame nav={<AdminNav locale={loaderData.locale} current={page} />}>
      <Outlet />
    </AreaFrame>
  );
}

/** An admin page that failed: said inside the frame. */
export function ErrorBoundary({ error, loaderData }: Route.ErrorBoundaryProps) {
  const { page } = useFramedPage();
  if (!loaderData) return <ErrorPage error={error} />;
  return (
    <AreaFrame nav={<AdminNav locale={loaderData.locale} current={page} />}>
      <ErrorContent error={error} locale={loaderData.locale} />
    </AreaFrame>
  );
}
