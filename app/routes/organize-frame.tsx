import { Outlet } from 'react-router';
import type { Route } from './+types/organize-frame';
import { nameIn } from '../../core/organizations';
import { localeOf, organizerPage } from '../lib/organize.server';
import { AreaFrame, ErrorContent, ErrorPage, framedMeta, useFramedPage } from '../components/area-frame';
import { OrganizerNav } from '../components/organizer-nav';

// The frame of an organization's pages (/en/organize/:org/…): who may enter (its members), the
// organization and what the viewer's role allows, loaded once for the navigation around every
// page. The pages read the same, once per request, with `organizerPage`.

export async function loader(args: Route.LoaderArgs) {
  const locale = localeOf(args.request);
  const { org, permissions } = await organizerPage(args, locale);
  return { locale, slug: org.slug, title: nameIn(org, locale), permissions };
}

export const meta: Route.MetaFunction = (args) => framedMeta(args, null);

export default function OrganizerFrame({ loaderData }: Route.ComponentProps) {
  const { page } = useFramedPage();
  const { locale, slug, permissions } = loaderData;
  return (
    <AreaFrame nav={<OrganizerNav locale={locale} slug={slug} current={page} permissions={permissions} />}>
      <Outlet />
    </AreaFrame>
  );
}

/** A page of the organization that failed (a session that does not exist): said inside the frame. */
export function ErrorBoundary({ error, loaderData }: Route.ErrorBoundaryProps) {
  const { page } = useFramedPage();
  if (!loaderData) return <ErrorPage error={error} />;
  const { locale, slug, permissions } = loaderData;
  return (
    <AreaFrame nav={<OrganizerNav locale={locale} slug={slug} current={page} permissions={permissions} />}>
      <ErrorContent error={error} locale={locale} />
    </AreaFrame>
  );
}
