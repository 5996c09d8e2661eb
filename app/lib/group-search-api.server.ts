import type { Context } from '../../core/context';
import { getT, negotiateLocale, type Locale } from '../../i18n';
import { groupSearchQuery } from './group-query';
import { parseQuery } from './query.server';
import { problemBody } from './problem.server';
import { groupSearchHitJson } from './api-serialize.server';
import { searchFromQuery } from './search.server';

/**
 * The answer of GET /api/v1/groups — search published groups: words, filters, a place, sort, pages,
 * and facet counts (`facets=false` leaves them out); messages follow Accept-Language. It is the
 * busiest read of the API, so Express serves it itself (server/app.ts); the page framework's route
 * gives the same answer where Express does not come first (the development server).
 */
export async function groupSearchAnswer(
  url: URL,
  acceptLanguage: string | null,
  context: (locale: Locale) => Context,
): Promise<{ status: number; problem: boolean; body: unknown }> {
  const locale = negotiateLocale(acceptLanguage);
  const t = getT(locale);
  const parsed = parseQuery(groupSearchQuery, url, t);
  const searched = parsed.ok ? await searchFromQuery(context(locale), parsed.value, t) : parsed;
  if (!searched.ok) {
    const detail = searched.issues.map((i) => i.message).join(' ');
    return { status: 400, problem: true, body: problemBody(t, 400, 'invalid', detail, searched.issues) };
  }
  const r = searched.result;
  return {
    status: 200,
    problem: false,
    body: {
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
    },
  };
}
