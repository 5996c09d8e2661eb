import { eq, sql, type SQL } from 'drizzle-orm';
import { groups, organizations } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { Invalid } from '../errors';
import { publicSummary, SUMMARY_COLUMNS, type PublicGroupSummary } from '../groups/public-group';
import { cachedFacets, countFacets, dropSuggestions } from './facets';
import { placeLabel, resolvePlace } from './gazetteer';
import { findGroupsInput, type FacetCounts, type FindGroupsInput, type SearchQuery, type Sort } from './search-input';
import { rows } from './rows';
import { perDatabase } from '../../db/prepared';
import { allOf, distanceKm, nextStart, type Point } from './search-sql';
import { baseConditions, facetConditions } from './filters';
import { searchIndexFor } from './search-index';
import { findInIndex, type IndexedResult } from './indexed-search';
import { needsPositions, parseTsQuery, type TsQuery } from './tsquery';
import { isStopWord, understand, wordsOf } from './understand';
import { scoreSql, threshold, unitQualitySql, unitWeights, type TextUnit } from './scored-text';
import { pgArray } from './search-sql';
import { bilingualQuery } from './bilingual-text';

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
  /** What the words were read as (topics, kinds of group, a crisis); null without words. */
  understood: QueryReading | null;
  /** With no result: how many results there would be without each active filter, largest first. */
  suggestions: { filter: string; total: number }[];
}

/** Quoted phrases, excluded words and "or" ask for the strict reading: every word required. */
const STRICT_SYNTAX = /"|(^|\s)-\S|\sor\s/i;

/** What a search understood of its words. */
export interface QueryReading {
  /** Topics (slugs) and kinds of group the words were read as; empty when none (or asked for words only). */
  topics: string[];
  kinds: string[];
  /** The words signal a crisis: crisis resources come before any result. */
  crisis: boolean;
}

interface Reading {
  corrected: string | null;
  /** Strict: the full-text query, parsed by the database. */
  tsquery: SQL | null;
  text: string;
  /** Scored: the query's units (scored-text.ts). */
  units: TextUnit[] | null;
  understood: QueryReading;
}

/**
 * The lexemes (English and French stems) of each word, the nearest real word of a typo, and which
 * of `topics` (slugs) the taxonomy has. One round trip.
 */
async function lookUpWords(
  ctx: Context,
  words: string[],
  topics: string[],
): Promise<{ lexemes: string[][]; fixes: (string | null)[]; topics: Set<string> }> {
  const found = await rows<{ i: number | string | null; fix: string | null; lexemes: string[] | string | null }>(
    ctx.db,
    sql`
    select w.i, f.word as fix,
      array(select distinct x from unnest(tsvector_to_array(
        to_tsvector('english', coalesce(f.word, w.q)) || to_tsvector('french', coalesce(f.word, w.q)))) x order by x) as lexemes
    from unnest(${pgArray(words)}::text[]) with ordinality w(q, i)
    left join lateral (${typoFix(sql`w.q`)}) f on true
    union all
    select null, t.slug, null from topics t where t.slug = any(${pgArray(topics)}::text[])
    order by 1`,
  );
  const list = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/^{|}$/g, '').split(',').filter(Boolean).map((x) => x.replace(/^"|"$/g, '')));
  const perWord = found.filter((r) => r.i != null);
  return {
    lexemes: perWord.map((r) => list(r.lexemes ?? [])),
    fixes: perWord.map((r) => r.fix),
    topics: new Set(found.flatMap((r) => (r.i == null && r.fix ? [r.fix] : []))),
  };
}

/**
 * The word a typo stands for: for a word of four letters or more that no word of the published
 * groups equals, starts or begins with (inflections are the stemmer's job), the closest such word —
 * one edit away for four letters, two from five (levenshtein, ties broken by pg_trgm similarity).
 */
function typoFix(word: SQL): SQL {
  return sql`
    select s.word from search_words s
    where length(${word}) >= 4
      and levenshtein_less_equal(s.word, ${word}, 2) <= case when length(${word}) >= 5 then 2 else 1 end
      and not exists (
        select 1 from search_words e
        where e.word = ${word} or e.word like ${word} || '%' or (length(e.word) >= 4 and ${word} like e.word || '%'))
    order by levenshtein(s.word, ${word}), similarity(s.word, ${word}) desc, s.word
    limit 1`;
}

/**
 * Reads the words: with quotes, a minus or "or", strictly (every word required, as the database
 * parses it); otherwise as scored units — the concepts the lexicon reads in them (unless `literal`)
 * and each remaining word, typos corrected.
 */
async function readQuery(ctx: Context, q: string, literal: boolean): Promise<Reading> {
  const understanding = understand(q, ctx.locale);
  const crisis = understanding.crisis;
  if (STRICT_SYNTAX.test(q)) return { ...(await readStrict(ctx, q)), units: null, understood: { topics: [], kinds: [], crisis } };
  const { words } = understanding;
  const read = literal ? [] : understanding.concepts;
  const rest = literal ? words.flatMap((w, i) => (isStopWord(w) ? [] : [i])) : understanding.rest;
  const looked = [...new Set([...read.flatMap((c) => c.words), ...rest])].filter((i) => !isStopWord(words[i]!)).sort((a, b) => a - b);
  const named = [...new Set(read.flatMap((c) => c.topics))];
  const { lexemes, fixes, topics } = await lookUpWords(
    ctx,
    looked.map((i) => words[i]!),
    named,
  );
  // Topics the lexicon names but this taxonomy lacks (an administrator may have removed one) drop out.
  const concepts = read.map((c) => ({ ...c, topics: c.topics.filter((t) => topics.has(t)) }));
  const lexemesOf = new Map(looked.map((i, k) => [i, lexemes[k]!]));
  const fixOf = new Map(looked.flatMap((i, k) => (fixes[k] ? [[i, fixes[k]!] as const] : [])));
  const textOf = (positions: number[]) => positions.flatMap((i) => (lexemesOf.get(i)?.length ? [lexemesOf.get(i)!] : []));
  const units: TextUnit[] = [
    ...concepts.map((c) => ({ words: textOf(c.words), topics: c.topics, kinds: c.kinds as string[] })),
    ...rest.flatMap((i) => (lexemesOf.get(i)?.length ? [{ words: textOf([i]), topics: [], kinds: [] }] : [])),
  ];
  const corrected = fixOf.size ? words.map((w, i) => fixOf.get(i) ?? w).join(' ') : null;
  const understood = { topics: [...new Set(concepts.flatMap((c) => c.topics))], kinds: [...new Set(concepts.flatMap((c) => c.kinds))], crisis };
  // Nothing to search by (stop words alone, such as "the"): the words filter nothing.
  if (!units.length) return { corrected: null, tsquery: null, text: '', units: null, understood };
  return { corrected, tsquery: null, text: '', units, understood };
}

/** The strict reading: typos corrected on any word, and whether anything is left to search by. */
async function readStrict(ctx: Context, q: string): Promise<{ corrected: string | null; tsquery: SQL | null; text: string }> {
  const words = wordsOf(q);
  const [row] = await rows<{ nodes: number; query: string; fixes: { word: string; fix: string }[] | string | null }>(
    ctx.db,
    sql`
    select numnode(${textQuery(q, null)}) as nodes, (${textQuery(q, null)})::text as query,
      (select json_agg(json_build_object('word', w.q, 'fix', f.word)) from unnest(${pgArray(words)}::text[]) w(q)
       cross join lateral (${typoFix(sql`w.q`)}) f) as fixes`,
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
  return corrected ? sql`(${bilingualQuery(q)} || ${bilingualQuery(corrected, 'plain')})` : sql`(${bilingualQuery(q)})`;
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

function orderBy(sort: Sort, ctx: Context, rank: SQL | null, place: Point | null): SQL {
  const soonest = sql`${nextStart(ctx)} asc nulls last, gs.published_at desc nulls last`;
  // When nothing else decides, groups offered in the page's language come first.
  const speaks = sql`(${ctx.locale}::text = any(gs.languages)) desc`;
  switch (sort) {
    case 'relevance':
      // The best match first, then the page's language, then verified organizations, then soonest.
      return rank ? sql`${rank} desc, ${speaks}, gs.org_verified desc, ${soonest}` : sql`${speaks}, gs.org_verified desc, ${soonest}`;
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
  const reading = q.q && wordsOf(q.q).length ? await readQuery(ctx, q.q, q.literal ?? false) : null;
  const correctedQuery = reading?.corrected ?? null;
  const searchesText = Boolean(reading?.tsquery || reading?.units);
  // Near a place, the nearest first; otherwise the best match (verified organizations first).
  const sort: Sort = q.sort ?? (place && !searchesText ? 'distance' : 'relevance');

  const offset = (q.page - 1) * q.perPage;
  const counted = (await searchInMemory(ctx, q, reading, place, sort, offset)) ?? (await searchInDatabase(ctx, q, reading, place, sort, offset));
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
    understood: reading?.understood ?? (q.q ? { topics: [], kinds: [], crisis: false } : null),
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
  reading: Reading | null,
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
  return findInIndex({ data, query: q, text, units: reading?.units ?? null, place, now: ctx.now, sort, locale: ctx.locale }, {
    offset,
    limit: q.perPage,
    facets: q.facets,
  });
}

/** The same search as SQL over `group_search` (and the reference the in-memory search is tested against). */
async function searchInDatabase(
  ctx: Context,
  q: SearchQuery,
  reading: Reading | null,
  place: SearchPlace | null,
  sort: Sort,
  offset: number,
): Promise<IndexedResult> {
  const match = await textMatch(ctx, reading);
  const base = baseConditions(q, ctx, match?.condition ?? null, place);
  const facetConds = facetConditions(q, ctx);
  const baseSql = allOf(Object.values(base));
  const where = allOf([baseSql, ...Object.values(facetConds)]);
  const distance = place ? sql`case when gs.delivery = 'online' then null else ${distanceKm(place)} end` : sql`null::float8`;

  // Facets depend on everything but the sort and the page; the minute is part of the key because
  // "starts within" moves with time.
  const facetKey = JSON.stringify([
    { ...q, sort: undefined, page: undefined, perPage: undefined },
    reading?.corrected ?? null,
    reading?.units ?? null,
    Math.floor(ctx.now.getTime() / 60_000),
  ]);
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
      order by ${orderBy(sort, ctx, match?.rank ?? null, place)}, gs.group_id
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

/**
 * The words as SQL: the condition a row must meet and the expression that ranks it. Scored units
 * first count how many groups match each (for their weights), in one pass over the search rows.
 */
async function textMatch(ctx: Context, reading: Reading | null): Promise<{ condition: SQL; rank: SQL } | null> {
  if (reading?.tsquery) {
    // Title matches first (a small vector, cheap to rank over thousands of matches).
    return { condition: sql`gs.document @@ ${reading.tsquery}`, rank: sql`ts_rank(gs.title_document, ${reading.tsquery})` };
  }
  const units = reading?.units;
  if (!units) return null;
  const [counts] = await rows<Record<string, number | string>>(
    ctx.db,
    sql`select count(*) as total, ${sql.join(
      units.map((u, i) => sql`count(*) filter (where ${unitQualitySql(u)} > 0) as ${sql.identifier(`u${i}`)}`),
      sql`, `,
    )} from group_search gs`,
  );
  const weights = unitWeights(
    units,
    units.map((_, i) => Number(counts?.[`u${i}`] ?? 0)),
    Number(counts?.total ?? 0),
  );
  const { found, rank } = scoreSql(units, weights);
  const needed = threshold(weights);
  return { condition: Number.isFinite(needed) ? sql`(${found}) >= ${needed}::float8` : sql`false`, rank };
}
