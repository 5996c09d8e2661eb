import { sql, type SQL } from 'drizzle-orm';
import type { Context } from '../context';
import type { SearchData } from './search-index';
import { STARTS_WITHIN_CHOICES, TIMES_OF_DAY, WEEKDAYS, type Facet, type SearchQuery } from './search-input';
import { bits, hasPlaces, nearCondition, nextStart, pgArray, type Point } from './search-sql';
import { codesOf, holds, inSet, nothing, where, type Condition } from './row-conditions';
import { bitIndexes } from './bitset';

// The filters of the search, each declared once: the parameter it reads, what it keeps as SQL over
// `group_search gs` (find-groups.ts) and as a condition over the in-memory rows (indexed-search.ts),
// and for a faceted filter what its counts group by. Both engines take their filters from this
// table, in its order; find-groups.test.ts runs every case through both and compares them. Adding
// a filter is one entry here plus its tests. (The words and the place are read by each engine its
// own way: text search in the database, lexeme postings in memory.)

/** What the in-memory engine knows of the rows when it builds a condition, as of the search's clock. */
export interface RowsNow {
  data: SearchData;
  /** The rows with places. */
  open: Uint32Array;
  /** The rows that start within so many days of now (online communities, always open to start, included). */
  within(days: number): Uint32Array;
}

interface Filter {
  /** The parameter of the query it reads; the filter is on when the parameter is given. */
  param: keyof SearchQuery;
  /** The rows it keeps, in SQL. */
  sql(q: SearchQuery, ctx: Context): SQL;
  /** The rows it keeps, in memory. */
  rows(q: SearchQuery, at: RowsNow): Condition;
}

interface FacetFilter extends Filter {
  /** What the facet's counts group by in SQL (raw columns: they hash faster than text). */
  key(ctx: Context): SQL;
  /** The facet values one grouped key stands for (by default, the key itself). */
  spread?(key: string): string[];
}

/** An array column's grouped key (`{a,"b c"}`) as its elements. */
const elements = (key: string) =>
  key
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
    .map((v) => v.replace(/^"|"$/g, ''));

/** Days from the query's clock, as SQL. */
const daysFrom = (ctx: Context, days: number) => sql`${new Date(ctx.now.getTime() + days * 86_400_000).toISOString()}::timestamptz`;

/** The filters with facet counts, in the order of FACETS. */
export const FACET_FILTERS: Record<Facet, FacetFilter> = {
  kind: {
    param: 'kind',
    sql: (q) => sql`gs.kind = any(${pgArray(q.kind!)}::group_kind[])`,
    rows: (q, { data }) => holds(data.sets.kind, codesOf(data.dict.kind, q.kind!)),
    key: () => sql`gs.kind`,
  },
  format: {
    param: 'format',
    sql: (q) => sql`gs.format = any(${pgArray(q.format!)}::group_format[])`,
    rows: (q, { data }) => holds(data.sets.format, codesOf(data.dict.format, q.format!)),
    key: () => sql`gs.format`,
  },
  leadership: {
    param: 'leadership',
    sql: (q) => sql`gs.leadership = any(${pgArray(q.leadership!)}::leadership[])`,
    rows: (q, { data }) => holds(data.sets.leadership, codesOf(data.dict.leadership, q.leadership!)),
    key: () => sql`gs.leadership`,
  },
  delivery: {
    param: 'delivery',
    sql: (q) => sql`gs.delivery = any(${pgArray(q.delivery!)}::delivery[])`,
    rows: (q, { data }) => holds(data.sets.delivery, codesOf(data.dict.delivery, q.delivery!)),
    key: () => sql`gs.delivery`,
  },
  // A parent topic also finds the groups of its sub-topics: the search rows carry parent topics too.
  topic: {
    param: 'topic',
    sql: (q) => sql`gs.topic_ids && array(select id from topics where slug = any(${pgArray(q.topic!)}::text[]))`,
    rows: (q, { data }) => holds(data.sets.topic, codesOf(data.dict.topic, q.topic!.flatMap((slug) => data.topicIds.get(slug) ?? []))),
    key: () => sql`gs.topic_ids`,
    spread: elements,
  },
  lang: {
    param: 'lang',
    sql: (q) => sql`gs.languages && ${pgArray(q.lang!)}::text[]`,
    rows: (q, { data }) => holds(data.sets.language, codesOf(data.dict.language, q.lang!)),
    key: () => sql`gs.languages`,
    spread: elements,
  },
  cost: {
    param: 'cost',
    sql: (q) => sql`gs.cost_type = any(${pgArray(q.cost!)}::cost_type[])`,
    rows: (q, { data }) => holds(data.sets.cost, codesOf(data.dict.cost, q.cost!)),
    key: () => sql`gs.cost_type`,
  },
  insurance: {
    param: 'insurance',
    sql: (q) => sql`gs.insurance_receipts = ${q.insurance!}`,
    rows: (q, { data }) => holds(data.sets.insurance, [q.insurance ? 1 : 0]),
    key: () => sql`gs.insurance_receipts`,
  },
  day: {
    param: 'day',
    sql: (q) => sql`(gs.days & ${bits(q.day!, WEEKDAYS)}) <> 0`,
    rows: (q, { data }) => holds(data.sets.day, bitIndexes(bits(q.day!, WEEKDAYS))),
    key: () => sql`gs.days`,
    spread: (key) => WEEKDAYS.filter((_, i) => (Number(key) & (1 << i)) !== 0),
  },
  time: {
    param: 'time',
    sql: (q) => sql`(gs.times & ${bits(q.time!, TIMES_OF_DAY)}) <> 0`,
    rows: (q, { data }) => holds(data.sets.time, bitIndexes(bits(q.time!, TIMES_OF_DAY))),
    key: () => sql`gs.times`,
    spread: (key) => TIMES_OF_DAY.filter((_, i) => (Number(key) & (1 << i)) !== 0),
  },
  audience: {
    param: 'audience',
    sql: (q) => sql`gs.gender = any(${pgArray(q.audience!)}::text[])`,
    rows: (q, { data }) => holds(data.sets.gender, codesOf(data.dict.gender, q.audience!)),
    key: () => sql`gs.gender`,
  },
  // Every feature asked for, not any of them.
  access: {
    param: 'access',
    sql: (q) => sql`gs.accessibility @> ${pgArray(q.access!)}::text[]`,
    rows: (q, { data }) => {
      const codes = codesOf(data.dict.access, q.access!);
      // A feature no group offers has no code: no group can match.
      return codes.length === q.access!.length ? holds(data.sets.access, codes, true) : nothing;
    },
    key: () => sql`gs.accessibility`,
    spread: elements,
  },
  faith: {
    param: 'faith',
    sql: (q) => sql`gs.faith = any(${pgArray(q.faith!)}::text[])`,
    rows: (q, { data }) => holds(data.sets.faith, codesOf(data.dict.faith, q.faith!)),
    key: () => sql`gs.faith`,
  },
  // Online communities (ongoing) are always open to start.
  starts_within: {
    param: 'startsWithin',
    sql: (q, ctx) => sql`(gs.format = 'ongoing' or ${nextStart(ctx)} <= ${daysFrom(ctx, q.startsWithin!)})`,
    rows: (q, { within }) => inSet(within(q.startsWithin!)),
    key: (ctx) => {
      const [d1, d2, d3] = STARTS_WITHIN_CHOICES;
      const ns = nextStart(ctx);
      return sql`(case when gs.format = 'ongoing' then 0 when ${ns} <= ${daysFrom(ctx, d1)} then ${sql.raw(String(d1))}
      when ${ns} <= ${daysFrom(ctx, d2)} then ${sql.raw(String(d2))} when ${ns} <= ${daysFrom(ctx, d3)} then ${sql.raw(String(d3))} end)`;
    },
    // "Within 7 days" also counts in "within 14" and "within 30"; 0 = always open.
    spread: (key) => STARTS_WITHIN_CHOICES.filter((d) => d >= Number(key)).map(String),
  },
  open: {
    param: 'open',
    sql: (q, ctx) => sql`${hasPlaces(ctx)} = ${q.open!}`,
    rows: (q, { open }) => inSet(open, !q.open),
    key: (ctx) => hasPlaces(ctx),
  },
};

/** The filters without facet counts, after the words and the place, in this order. */
export const PLAIN_FILTERS: Record<'age' | 'max_price', Filter> = {
  // A group without an age limit fits every age.
  age: {
    param: 'age',
    sql: (q) => sql`(gs.age_min is null or gs.age_min <= ${q.age!}) and (gs.age_max is null or gs.age_max >= ${q.age!})`,
    rows: (q, { data }) => {
      const age = q.age!;
      const { ageMin, ageMax } = data;
      // NaN (no limit) compares false, so it never excludes.
      return where(data.slots, (s) => !(ageMin[s]! > age || ageMax[s]! < age));
    },
  },
  max_price: {
    param: 'maxPrice',
    sql: (q) => sql`gs.price_cents <= ${Math.round(q.maxPrice! * 100)}`,
    rows: (q, { data }) => {
      const cents = Math.round(q.maxPrice! * 100);
      const price = data.price;
      return where(data.slots, (s) => price[s]! <= cents);
    },
  },
};

/** The filters of a table that a query turns on, by name, in the table's order. */
export function activeFilters<N extends string, F extends Filter>(table: Record<N, F>, q: SearchQuery): [N, F][] {
  return (Object.entries(table) as [N, F][]).filter(([, f]) => q[f.param] !== undefined);
}

/** The SQL condition of each active faceted filter (a facet's counts apply every condition but its own). */
export function facetConditions(q: SearchQuery, ctx: Context): Partial<Record<Facet, SQL>> {
  return Object.fromEntries(activeFilters(FACET_FILTERS, q).map(([name, f]) => [name, f.sql(q, ctx)]));
}

/** The SQL conditions without facet counts, by name: the words, the place, then the plain filters. */
export function baseConditions(q: SearchQuery, ctx: Context, words: SQL | null, place: Point | null): Partial<Record<string, SQL>> {
  return {
    ...(words ? { q: words } : {}),
    ...(place ? { near: nearCondition(place, q.radiusKm) } : {}),
    ...Object.fromEntries(activeFilters(PLAIN_FILTERS, q).map(([name, f]) => [name, f.sql(q, ctx)])),
  };
}

/**
 * For a search with no result, what dropping each filter alone would find (`counts[i]`: the rows
 * that fail `names[i]` and nothing else), the most first; filters that would find nothing left out.
 * Both engines count; this says it the same way for both.
 */
export function dropSuggestionsOf(names: readonly string[], counts: readonly number[]): { filter: string; total: number }[] {
  return names
    .map((filter, i) => ({ filter, total: counts[i] ?? 0 }))
    .filter((x) => x.total > 0)
    .sort((a, b) => b.total - a.total);
}
