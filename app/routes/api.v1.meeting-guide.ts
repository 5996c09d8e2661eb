import '../../i18n/areas/developers';
import type { Route } from './+types/api.v1.meeting-guide';
import { meetingGuideEntries } from '../../core/feeds/meeting-guide';
import { getT, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { jsonArrayStream } from '../lib/json-stream.server';
import { pathTo } from '../lib/paths';
import { parseQuery } from '../lib/query.server';
import { jsonProblem } from '../lib/problem.server';
import { feedQuery, type MeetingGuideJson } from '../lib/api-schemas.server';

/**
 * GET /api/v1/meeting-guide.json — the drop-in groups that meet every week, in the Meeting Guide
 * format, in English or French (`lang`, else Accept-Language). Streamed as it is read.
 */
export function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const negotiated = negotiateLocale(request.headers.get('accept-language'));
  const query = parseQuery(feedQuery, url, getT(negotiated));
  if (!query.ok) return jsonProblem(getT(negotiated), 400, 'invalid', query.issues.map((i) => i.message).join(' '), query.issues);
  const locale = query.value.lang ?? negotiated;
  const entries: AsyncIterable<MeetingGuideJson> = meetingGuideEntries({
    ctx: coreContext(context, locale),
    pageUrl: (slug) => new URL(pathTo(locale, 'group', { slug }), context.settings.publicUrl).toString(),
    onlineNotes: getT(locale)('developers.feeds.onlineNotes'),
  });
  return new Response(jsonArrayStream(entries), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=300',
      // Meeting finders on other sites read the feed from the browser.
      'access-control-allow-origin': '*',
      vary: 'Accept-Language',
    },
  });
}
