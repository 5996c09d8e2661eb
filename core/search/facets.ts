import { sql, type SQL } from 'drizzle-orm';
import type { Context } from '../context';
import { topics } from '../../db/schema';
import { FACETS, STARTS_WITHIN_CHOICES, TIMES_OF_DAY, WEEKDAYS, type Facet, type FacetCounts } from './search-input';
import { hasPlaces, nextStart } from './search-sql';
import { rows } from './rows';

// Facet counts in one pass over the rows that pass the unfaceted filters (words, place, age,
// budget). Each row gets a bitmask of the faceted filters it fails; a row failing two or more
// counts nowhere, a row failing exactly one counts only in that filter's facet, a row failing
// none counts everywhere. One GROUP BY GROUPING SETS then counts every facet's values at once
// (array-valued facets are grouped by their whole array, then split here).

/**
 * What each facet groups by. Raw columns (arrays and bit sets included) hash faster than text;
 * they are turned into text only for the few grouped rows, in the outer select.
 */
function facetKeys(ctx: Context): Record<Facet, SQL> {
  const ns = nextStart(ctx);
  const day = (d: number) => sql`${new Date(ctx.now.getTime() + d * 86_400_000).toISOString()}::timestamptz`;
  const [d1, d2, d3] = STARTS_WITHIN_CHOICES;
  return {
    kind: sql`gs.kind`,
    format: sql`gs.format`,
    leadership: sql`gs.leadership`,
    delivery: sql`gs.delivery`,
    topic: sql`gs.topic_ids`,
    lang: sql`gs.languages`,
    cost: sql`gs.cost_type`,
    insurance: sql`gs.insurance_receipts`,
    day: sql`gs.days`,
    time: sql`gs.times`,
    audience: sql`gs.gender`,
    access: sql`gs.accessibility`,
    faith: sql`gs.faith`,
    starts_within: sql`(case when gs.format = 'ongoing' then 0 when ${ns} <= ${day(d1)} then ${sql.raw(String(d1))}
      when ${ns} <= ${day(d2)} then ${sql.raw(String(d2))} when ${ns} <= ${day(d3)} then ${sql.raw(String(d3))} end)`,
    open: hasPlaces(ctx),
  };
}

/** The values one grouped key stands for: an array's elements, a bit set's names. */
function spread(facet: Facet, key: string): string[] {
  switch (facet) {
    case 'topic':
    case 'lang':
    case 'access':
      return key.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((v) => v.replace(/^"|"$/g, ''));
    case 'day':
      return WEEKDAYS.filter((_, i) => (Number(key) & (1 << i)) !== 0);
    case 'time':
      return TIMES_OF_DAY.filter((_, i) => (Number(key) & (1 << i)) !== 0);
    case 'starts_within':
      // "within 7 days" also counts in "within 14" and "within 30"; 0 = always open.
      return STARTS_WITHIN_CHOICES.filter((d) => d >= Number(key)).map(String);
    default:
      return [key];
  }
}

// Facet counts over a large candidate set cost a scan of it, so they are cached per process for a
// short time (SEARCH_FACET_CACHE_SECONDS, default 30; 0 turns the cache off), keyed by everything
// that shapes them. A refresh of search rows in this process clears the cache at once; other
// processes on the same PostgreSQL see the change within the time-to-live. The total comes with
// the facets (it is their "no filter failed" count); the page of results is never cached.
let CACHE_TTL_MS = 30_000;

/** Sets how long facet counts are kept (the server calls it at start-up from its validated config). */
export function setFacetCacheSeconds(seconds: number): void {
  CACHE_TTL_MS = Math.max(0, seconds) * 1000;
  cache.clear();
}
/** How long counts may be kept, in ms (0: never). */
export function facetCacheMs(): number {
  return CACHE_TTL_MS;
}
const CACHE_MAX = 500;
type Counted = { total: number; facets: FacetCounts };
const cache = new Map<string, { until: number; counted: Counted }>();

export function clearFacetCache(): void {
  cache.clear();
}

/** The cached counts for `key`, or computes and caches them. */
export async function cachedFacets(key: string, compute: () => Promise<Counted>): Promise<Counted> {
  if (CACHE_TTL_MS === 0) return compute();
  // Elapsed time, on the monotonic clock: a wall-clock jump neither keeps nor drops counts.
  const now = performance.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.counted;
  const counted = await compute();
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { until: now + CACHE_TTL_MS, counted });
  return counted;
}

export function emptyFacets(): FacetCounts {
  return Object.fromEntries(FACETS.map((f) => [f, {}])) as FacetCounts;
}

/**
 * Counts per facet value (each reflecting every other active filter) and the total of groups
 * that pass all filters.
 */
export async function countFacets(
  ctx: Context,
  base: SQL,
  conditions: Partial<Record<Facet, SQL>>,
): Promise<{ total: number; facets: FacetCounts }> {
  const keys = facetKeys(ctx);
  const bit = (f: Facet) => (conditions[f] ? 1 << FACETS.indexOf(f) : 0);
  const failMask = sql.join(
    FACETS.filter((f) => conditions[f]).map((f) => sql`(case when ${conditions[f]} then 0 else ${bit(f)} end)`),
    sql` | `,
  );
  const columns = sql.join(
    FACETS.map((f) => sql`case when (r.f & ${~bit(f)}) = 0 then r.${sql.raw(`k_${f}`)} end as ${sql.raw(`k_${f}`)}`),
    sql`, `,
  );
  const inner = sql.join(
    FACETS.map((f) => sql`${keys[f]} as ${sql.raw(`k_${f}`)}`),
    sql`, `,
  );
  const sets = sql.raw(FACETS.map((f) => `(k_${f})`).join(', '));
  const query = sql`
    select k_all, ${sql.raw(FACETS.map((f) => `k_${f}::text as k_${f}`).join(', '))}, count(*)::int as n
    from (
      select case when r.f = 0 then 1 end as k_all, ${columns}
      from (select ${inner}, ${Object.keys(conditions).length ? failMask : sql`0`} as f from group_search gs where ${base}) r
      where (r.f & (r.f - 1)) = 0
    ) k
    group by grouping sets ((k_all), ${sets})`;

  const [result, topicRows] = await Promise.all([
    rows<Record<string, unknown>>(ctx.db, query),
    ctx.db.select({ id: topics.id, slug: topics.slug }).from(topics),
  ]);
  const topicSlug = new Map(topicRows.map((t) => [t.id, t.slug]));
  const facets = emptyFacets();
  let total = 0;
  for (const row of result) {
    const n = Number(row.n);
    if (row.k_all != null) {
      total = n;
      continue;
    }
    const facet = FACETS.find((f) => row[`k_${f}`] != null);
    if (!facet) continue;
    const counts = facets[facet];
    for (let value of spread(facet, String(row[`k_${facet}`]))) {
      if (facet === 'topic') value = topicSlug.get(value) ?? value;
      counts[value] = (counts[value] ?? 0) + n;
    }
  }
  return { total, facets };
}

/**
 * For a search with no result: how many groups each active filter hides on its own, i.e. how many
 * results there would be without it (one pass over every published group). Largest first.
 */
export async function dropSuggestions(ctx: Context, conditions: Record<string, SQL>): Promise<{ filter: string; total: number }[]> {
  const names = Object.keys(conditions);
  if (names.length === 0) return [];
  const mask = sql.join(
    names.map((name, i) => sql`(case when ${conditions[name]} then 0 else ${1 << i} end)`),
    sql` | `,
  );
  const counts = sql.join(
    names.map((_, i) => sql`count(*) filter (where r.f = ${1 << i})::int as ${sql.raw(`d${i}`)}`),
    sql`, `,
  );
  const [row = {}] = await rows<Record<string, unknown>>(ctx.db, sql`select ${counts} from (select ${mask} as f from group_search gs) r where (r.f & (r.f - 1)) = 0`);
  return names
    .map((filter, i) => ({ filter, total: Number(row[`d${i}`] ?? 0) }))
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total);
}
