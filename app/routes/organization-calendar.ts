import type { Route } from './+types/organization-calendar';
import { getOrganizationCalendar } from '../../core/calendars';
import type { Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';
import { coreContext } from '../lib/context.server';
import { calendarFileResponse, groupPageUrl } from '../lib/calendar-response.server';

/** GET /en/organizations/:org/calendar.ics — every published group of an organization, as a calendar feed. */
export function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  return calendarFileResponse(
    locale,
    () => getOrganizationCalendar({ ctx: coreContext(context, locale), input: { organizationSlug: params.org, pageUrl: groupPageUrl(context, locale) } }),
    { feed: true },
  );
}
