import '../../i18n/areas/manage';
import type { Route } from './+types/my-calendar';
import { getMyCalendar } from '../../core/calendars';
import type { Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';
import { coreContext } from '../lib/context.server';
import { calendarFileResponse, groupPageUrl } from '../lib/calendar-response.server';

/**
 * GET /en/calendar/:feed/my-sessions.ics — a person's private calendar feed (made and stopped on
 * their manage page). Kept out of shared caches and search engines.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const res = await calendarFileResponse(
    locale,
    () => getMyCalendar({ ctx: coreContext(context, locale), input: { feedToken: params.feed, pageUrl: groupPageUrl(context, locale) } }),
    { feed: true },
  );
  res.headers.set('cache-control', 'private, max-age=900');
  res.headers.set('x-robots-tag', 'noindex');
  return res;
}
