import { eq, sql, type SQL } from 'drizzle-orm';
import { groups, organizations } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { Invalid } from '../errors';
import { publicSummary, SUMMARY_COLUMNS, type PublicGroupSummary } from '../groups/public-group';
import { cachedFacets, countFacets, dropSuggestions, facetCacheMs } from './facets';
import { placeLabel, resolvePlace } from './gazetteer';
import { findGroupsInput, type FacetCounts, type FindGroupsInput, type SearchQuery, type Sort } from './search-input';
import { rows } from './rows';
import { perDatabase } from '../../db/prepared';
import { allOf, baseConditions, distanceKm, facetConditions, nextStart, type Point } from './search-sql';
import { searchIndexFor } from './search-index';
import { searchIndex, type IndexedResult } from './indexed-search';
import { needsPositions, parseTsQuery, type TsQuery } from './tsquery';

export interface GroupSearchHit extends PublicGroupSummary {
  /** Kilometres from the place searched near; null for online groups or without a place. */
  distanceKm: number | null;
}

export interface SearchPlace {
  label: string;
  latitude: number;
  longitude: number;
  /** Other places of the same name, e.g. "London, KY", to refine the search. */
  alternatives: string[];
}

export interface GroupSearchResult {
  total: number;
  page: number;
  perPage: number;
  pages: number;
  sort: Sort;
  results: GroupSearchHit[];
  /** Null when the input asked for no facets. */
  facets: FacetCounts | null;
  place: SearchPlace | null;
  /** The query as typos were read ("greif" → "grief"), when a word was corrected. */
  correctedQuery: string | null;
  /** With no result: how many results there would be without each active filter, largest first. */
  suggestions: { filter: string; total: number }[];
}

/** Lower-case, accent-free words of a query. */
function queryWords(q: string): string[] {
  return q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Typo tolerance on titles: each query word of four letters or more that no title word equals,
 * starts or begins with (plurals and other inflections are the stemmer's job) is replaced by the
 * closest title word — one edit away for four letters, two from five letters (levenshtein, ties
 * broken by pg_trgm similarity). Also tells whether the query has any searchable word at all (a
 * query of stop words alone, such as "the", filters nothing). One round trip.
 */
async function readQuery(
  ctx: Context,
  q: string,
  words: string[],
): Promise<{ corrected: string | null; tsquery: SQL | null; text: string }> {
  const candidates = words.filter((w) => w.length >= 4);
  const [row] = await rows<{ nodes: number; query: string; fixes: { word: string; fix: string }[] | string | null }>(
    ctx.db,
    sql`
    select numnode(${textQuery(q, null)}) as nodes, (${textQuery(q, null)})::text as query,
      (select json_agg(json_build_object('word', w.q, 'fix', f.word)) from unnest(${`{${candidates.join(',')}}`}::text[]) w(q)
       cross join lateral (
         select s.word from search_words s
         where levenshtein_less_equal(s.word, w.q, 2) <= case when length(w.q) >= 5 then 2 else 1 end
         order by levenshtein(s.word, w.q), similarity(s.word, w.q) desc, s.word
         limit 1) f
       where not exists (
         select 1 from search_words s
         where s.word = w.q or s.word like w.q || '%' or (length(s.word) >= 4 and w.q like s.word || '%'))) as fixes`,
  );
  const list = typeof row?.fixes === 'string' ? (JSON.parse(row.fixes) as { word: string; fix: string }[]) : (row?.fixes ?? []);
  const fixes = new Map(list.map((f) => [f.word, f.fix]));
  const corrected = fixes.size ? words.map((w) => fixes.get(w) ?? w).join(' ') : null;
  const text = row?.query ?? '';
  if (!corrected && Number(row?.nodes ?? 0) === 0) return { corrected, tsquery: null, text };
  // A sub-select is evaluated once per statement: inline, the query would be re-parsed for every
  // row (unaccent() is not immutable, so PostgreSQL does not fold it into a constant).
  return { corrected, tsquery: sql`(select ${textQuery(q, corrected)})`, text };
}

/** The full-text query: the words stemmed in English and in French, or the typo-corrected words. */
function textQuery(q: string, corrected: string | null): SQL {
  const both = (fn: 'websearch_to_tsquery' | 'plainto_tsquery', text: string) =>
    sql`${sql.raw(fn)}('english', unaccent(${text})) || ${sql.raw(fn)}('french', unaccent(${text}))`;
  return corrected
    ? sql`(${both('websearch_to_tsquery', q)} || ${both('plainto_tsquery', corrected)})`
    : sql`(${both('websearch_to_tsquery', q)})`;
}

function resolveNear(q: SearchQuery): SearchPlace | null {
  if (q.lat !== undefined && q.lon !== undefined) {
    return { label: `${q.lat.toFixed(4)}, ${q.lon.toFixed(4)}`, latitude: q.lat, longitude: q.lon, alternatives: [] };
  }
  if (!q.near) return null;
  const match = resolvePlace({ text: q.near });
  if (!match) throw new Invalid([{ path: 'near', message: 'unknown place' }]);
  return {
    label: placeLabel(match.place),
    latitude: match.place.latitude,
    longitude: match.place.longitude,
    alternatives: match.alternatives.slice(0, 5).map(placeLabel),
  };
}

function orderBy(sort: Sort, ctx: Context, text: SQL | null, place: Point | null): SQL {
  const soonest = sql`${nextStart(ctx)} asc nulls last, gs.published_at desc nulls last`;
  switch (sort) {
    case 'relevance':
      // Title matches first (a small vector, cheap to rank over thousands of matches), then groups
      // of verified organizations, then soonest.
      return text
        ? sql`ts_rank(gs.title_document, ${text}) desc, gs.org_verified desc, ${soonest}`
        : sql`gs.org_verified desc, ${soonest}`;
    case 'distance':
      return place ? sql`${distanceKm(place)} asc nulls last, ${soonest}` : soonest;
    case 'newest':
      return sql`gs.published_at desc nulls last`;
    default:
      return soonest;
  }
}

/**
 * The statement that reads a page of results, prepared once per database (PostgreSQL then plans
 * it once per connection instead of on every search).
 */
const summaryStatement = perDatabase((db) => {
  const now = sql.placeholder('now');
  const nextSession = sql<Date | string | null>`(
    select min(s.starts_at) from sessions s
    where s.group_id = groups.id and s.starts_at >= ${now}::timestamptz and s.status <> 'cancelled')`;
  const nextCohort = sql<string | null>`(
    select min(c.starts_on)::text from cohorts c
    where c.group_id = groups.id and c.starts_on >= (${now}::timestamptz at time zone groups.time_zone)::date
      and c.status in ('open', 'confirmed', 'postponed'))`;
  return db
    .select({
      group: SUMMARY_COLUMNS,
      nextSessionAt: nextSession,
      nextCohortStartsOn: nextCohort,
      org: { slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr, verification: organizations.verification },
    })
    .from(groups)
    .innerJoin(organizations, eq(organizations.id, groups.organizationId))
    .where(sql`${groups.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('search_result_summaries');
});

/** The public summaries of the given groups, by id. */
async function summaries(ctx: Context, ids: string[]): Promise<Map<string, PublicGroupSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await summaryStatement(ctx.db).execute({ ids: `{${ids.join(',')}}`, now: ctx.now.toISOString() });
  return new Map(
    rows.map((r) => [
      r.group.id,
      publicSummary(r.group, {
        nextSessionAt: r.nextSessionAt == null ? null : new Date(r.nextSessionAt),
        nextCohortStartsOn: r.nextCohortStartsOn,
        organization: r.org,
      }, ctx.locale),
    ]),
  );
}

/**
 * Searches the published groups (SPEC §2): full text in English and French (stemmed, accent- and
 * case-insensitive, typo-tolerant on titles), every filter, near a place, sorted and paginated,
 * with facet counts that reflect the other active filters.
 */
export async function findGroups({ ctx, input }: { ctx: Context; input: FindGroupsInput }): Promise<GroupSearchResult> {
  const q = parseInput(findGroupsInput, input);
  const place = resolveNear(q);
  const words = q.q ? queryWords(q.q) : [];
  const reading = q.q && words.length ? await readQuery(ctx, q.q, words) : null;
  const correctedQuery = reading?.corrected ?? null;
  const text = reading?.tsquery ?? null;
  // Near a place, the nearest first; otherwise the best match (verified organizations first).
  const sort: Sort = q.sort ?? (place && !text ? 'distance' : 'relevance');

  const offset = (q.page - 1) * q.perPage;
  const counted =
    (await searchInMemory(ctx, q, reading, place, sort, offset)) ?? (await searchInDatabase(ctx, q, text, correctedQuery, place, sort, offset));
  const { total, facets, hits, suggestions } = counted;
  const byId = await summaries(
    ctx,
    hits.map((h) => h.id),
  );
  const results = hits.flatMap((h) => {
    const g = byId.get(h.id);
    return g ? [{ ...g, distanceKm: h.distance == null ? null : Math.round(Number(h.distance) * 10) / 10 }] : [];
  });

  return {
    total,
    page: q.page,
    perPage: q.perPage,
    pages: Math.max(1, Math.ceil(total / q.perPage)),
    sort,
    results,
    facets,
    place,
    correctedQuery,
    suggestions,
  };
}

/**
 * The search over the process's in-memory index of the search rows (search-index.ts), or null
 * when there is none for this database, it is (re)loading, or the words need positions (a quoted
 * phrase): the database answers those.
 */
async function searchInMemory(
  ctx: Context,
  q: SearchQuery,
  reading: Awaited<ReturnType<typeof readQuery>> | null,
  place: SearchPlace | null,
  sort: Sort,
  offset: number,
): Promise<IndexedResult | null> {
  const index = searchIndexFor(ctx.db);
  if (!index) return null;
  let text: TsQuery | null = null;
  if (reading?.tsquery) {
    const [corrected] = reading.corrected
      ? await rows<{ query: string }>(ctx.db, sql`select (${textQuery(q.q ?? '', reading.corrected)})::text as query`)
      : [];
    text = parseTsQuery(corrected?.query ?? reading.text);
    if (!text || needsPositions(text)) return null;
  }
  const data = await index.data();
  if (!data) return null;
  index.searches++;
  return searchIndex({ data, query: q, text, place, now: ctx.now, sort }, {
    offset,
    limit: q.perPage,
    facets: q.facets,
    cacheMs: facetCacheMs(),
  });
}

/** The same search as SQL over `group_search` (and the reference the in-memory search is tested against). */
async function searchInDatabase(
  ctx: Context,
  q: SearchQuery,
  text: SQL | null,
  correctedQuery: string | null,
  place: SearchPlace | null,
  sort: Sort,
  offset: number,
): Promise<IndexedResult> {
  const base = baseConditions(q, text, place);
  const facetConds = facetConditions(q, ctx);
  const baseSql = allOf(Object.values(base));
  const where = allOf([baseSql, ...Object.values(facetConds)]);
  const distance = place ? sql`case when gs.delivery = 'online' then null else ${distanceKm(place)} end` : sql`null::float8`;

  // Facets depend on everything but the sort and the page; the minute is part of the key because
  // "starts within" moves with time.
  const facetKey = JSON.stringify([{ ...q, sort: undefined, page: undefined, perPage: undefined }, correctedQuery, Math.floor(ctx.now.getTime() / 60_000)]);
  const countAll = async () => {
    const [row] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from group_search gs where ${where}`);
    return { total: Number(row?.n ?? 0), facets: null };
  };
  const [hits, counted] = await Promise.all([
    rows<{ id: string; distance: number | string | null }>(
      ctx.db,
      sql`
      select gs.group_id as id, ${distance} as distance
      from group_search gs where ${where}
      order by ${orderBy(sort, ctx, text, place)}, gs.group_id
      limit ${q.perPage} offset ${offset}`,
    ),
    // The total is the facets' "passes every filter" count, so the two always agree.
    q.facets ? cachedFacets(facetKey, () => countFacets(ctx, baseSql, facetConds)) : countAll(),
  ]);
  const suggestions =
    counted.total === 0 ? await dropSuggestions(ctx, { ...(base as Record<string, SQL>), ...(facetConds as Record<string, SQL>) }) : [];
  return {
    ...counted,
    hits: hits.map((h) => ({ id: h.id, distance: h.distance == null ? null : Number(h.distance) })),
    suggestions,
  };
}
