import type { Route } from './+types/group-calendar';
import { getGroupCalendar } from '../../core/calendars';
import type { Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';
import { calendarResponse } from '../lib/calendar-response.server';

/** GET /en/groups/:slug/calendar.ics — the group's whole schedule as an RFC 5545 calendar. */
export function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  return calendarResponse(request, context, locale, params.slug, ({ ctx, pageUrl }) =>
    getGroupCalendar({ ctx, input: { ref: params.slug, pageUrl } }),
  );
}
