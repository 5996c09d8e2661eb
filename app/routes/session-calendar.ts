import type { Route } from './+types/session-calendar';
import { getSessionCalendar } from '../../core/calendars';
import type { Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';
import { calendarResponse } from '../lib/calendar-response.server';

/** GET /en/groups/:slug/sessions/:session/calendar.ics — one session as an RFC 5545 calendar. */
export function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  return calendarResponse(request, context, locale, params.slug, ({ ctx, pageUrl }) =>
    // ?discreet=1: the entry of a person in discreet mode (from their manage page), named neutrally.
    getSessionCalendar({ ctx, input: { ref: params.slug, sessionId: params.session, pageUrl, discreet: new URL(request.url).searchParams.get('discreet') === '1' } }),
  );
}
