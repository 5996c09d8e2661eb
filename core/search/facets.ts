import { sql, type SQL } from 'drizzle-orm';
import type { Context } from '../context';
import { topics } from '../../db/schema';
import { FACETS, type Facet, type FacetCounts } from './search-input';
import { dropSuggestionsOf, FACET_FILTERS } from './filters';
import { rows } from './rows';
import { SearchCache } from './search-cache';

// Facet counts in one pass over the rows that pass the unfaceted filters (words, place, age,
// budget). Each row gets a bitmask of the faceted filters it fails; a row failing two or more
// counts nowhere, a row failing exactly one counts only in that filter's facet, a row failing
// none counts everywhere. One GROUP BY GROUPING SETS then counts every facet's values at once
// (array-valued facets are grouped by their whole array, then split here).

type Counted = { total: number; facets: FacetCounts };
const counted = new SearchCache<Counted>();

/** The kept counts for `key` (search-cache.ts), or computes and keeps them. */
export async function cachedFacets(key: string, compute: () => Promise<Counted>): Promise<Counted> {
  const hit = counted.get(key);
  if (hit) return hit;
  const fresh = await compute();
  counted.set(key, fresh);
  return fresh;
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
  const keys = Object.fromEntries(FACETS.map((f) => [f, FACET_FILTERS[f].key(ctx)])) as Record<Facet, SQL>;
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
    const key = String(row[`k_${facet}`]);
    for (let value of FACET_FILTERS[facet].spread?.(key) ?? [key]) {
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
  return dropSuggestionsOf(
    names,
    names.map((_, i) => Number(row[`d${i}`] ?? 0)),
  );
}
