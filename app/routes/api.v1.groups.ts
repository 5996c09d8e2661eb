import type { Route } from './+types/api.v1.groups';
import { getT, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { groupSearchQuery } from '../lib/group-query';
import { parseQuery } from '../lib/query.server';
import { jsonProblem } from '../lib/problem.server';
import { groupSearchHitJson } from '../lib/api-serialize.server';
import { searchFromQuery } from '../lib/search.server';

/**
 * GET /api/v1/groups — search published groups: words, filters, a place, sort, pages, and facet
 * counts (`facets=false` leaves them out). Messages follow Accept-Language.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  const t = getT(locale);
  const parsed = parseQuery(groupSearchQuery, new URL(request.url), t);
  const searched = parsed.ok ? await searchFromQuery(coreContext(context, locale), parsed.value, t) : parsed;
  if (!searched.ok) return jsonProblem(t, 400, 'invalid', searched.issues.map((i) => i.message).join(' '), searched.issues);
  const r = searched.result;
  return Response.json({
    total: r.total,
    page: r.page,
    per_page: r.perPage,
    pages: r.pages,
    sort: r.sort,
    place: r.place,
    corrected_query: r.correctedQuery,
    // What the words were read as; `literal=true` searches the words alone.
    understood: r.understood,
    facets: r.facets,
    suggestions: r.suggestions,
    results: r.results.map(groupSearchHitJson),
  });
}
