import '../../i18n/areas/listing';
import type { Route } from './+types/search-calendar';
import { getGroupsCalendar, MAX_CALENDAR_GROUPS } from '../../core/calendars';
import { getT, type Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';
import { coreContext } from '../lib/context.server';
import { calendarFileResponse, groupPageUrl } from '../lib/calendar-response.server';
import { groupSearchQuery } from '../lib/group-query';
import { parseQuery } from '../lib/query.server';
import { searchFromQuery } from '../lib/search.server';

/**
 * GET /en/groups/calendar.ics?… — the groups a search finds (its first hundred, in its order), as a
 * calendar feed: the search page links to it with its own words and filters.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const parsed = parseQuery(groupSearchQuery, url, t);
  if (!parsed.ok) return new Response(parsed.issues.map((i) => i.message).join('\n'), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const ctx = coreContext(context, locale);
  const searched = await searchFromQuery(ctx, { ...parsed.value, page: 1, per_page: MAX_CALENDAR_GROUPS, facets: false }, t);
  if (!searched.ok) return new Response(searched.issues.map((i) => i.message).join('\n'), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const words = parsed.value.q?.trim();
  const name = words ? t('listing.calendar.searchNamed', { words, interpolation: { escapeValue: false } }) : t('listing.calendar.search');
  const groupIds = searched.result.results.map((g) => g.id);
  return calendarFileResponse(
    locale,
    () => getGroupsCalendar({ ctx, input: { groupIds, name, filename: locale === 'fr' ? 'groupes.ics' : 'groups.ics', pageUrl: groupPageUrl(context, locale) } }),
    { feed: true },
  );
}
