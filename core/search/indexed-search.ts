import type { SearchData } from './search-index';
import { FACETS, STARTS_WITHIN_CHOICES, TIMES_OF_DAY, WEEKDAYS, type Facet, type FacetCounts, type SearchQuery, type Sort } from './search-input';
import { boundingBox, haversineKm, type Point } from './search-sql';
import { codesOf, where, type Condition } from './row-conditions';
import { activeFilters, dropSuggestionsOf, FACET_FILTERS, PLAIN_FILTERS, type RowsNow } from './filters';
import { positiveLexemes, type TsQuery } from './tsquery';
import { SearchCache } from './search-cache';
import { isConcept, QUALITY, threshold, unitWeights, type TextUnit } from './scored-text';
import { copyInto, filledWords, intersect, size, sizeOfBoth, slotsOf, unite, wordsFor } from './bitset';

// The search of find-groups.ts run over the in-process index (search-index.ts) instead of the
// database: the same filters, facet counts, order and "which filter to drop" counts, row for row
// (find-groups.test.ts runs every case both ways). Work goes set by set (bitset.ts): each condition
// gives the set of rows it keeps, mostly as an OR or an AND of the sets the index keeps for each
// value; the rows that pass are their intersection, and a facet value's count is the size of the
// intersection of its set with the rows that pass every other filter.

export interface IndexedSearch {
  data: SearchData;
  query: SearchQuery;
  /** Every word required (a quoted phrase, an excluded word): the strict reading. */
  text: TsQuery | null;
  /** The words and concepts of a query read as scored units (scored-text.ts). */
  units?: TextUnit[] | null;
  place: Point | null;
  now: Date;
  sort: Sort;
  /** The page's language: when nothing else decides, groups offered in it come first. */
  locale?: string;
}

export interface IndexedResult {
  total: number;
  facets: FacetCounts | null;
  hits: { id: string; distance: number | null }[];
  suggestions: { filter: string; total: number }[];
}

/** Which slots a text query matches, from the lexeme postings. */
function matchText(data: SearchData, q: TsQuery, words: number): Uint32Array {
  switch (q.op) {
    case 'lexeme': {
      const out = new Uint32Array(words);
      data.postings.addTo(out, data.dict.lexeme.find(q.lexeme));
      return out;
    }
    case 'not': {
      const out = matchText(data, q.arg, words);
      for (let w = 0; w < words; w++) out[w] = ~out[w]!;
      return out;
    }
    case 'and':
    case 'or':
    case 'phrase': {
      // Phrases never reach here (they need word positions: the database answers them).
      const left = matchText(data, q.left, words);
      const right = matchText(data, q.right, words);
      if (q.op === 'or') unite(left, right);
      else intersect(left, right);
      return left;
    }
  }
}

/** How one unit matches: the rows holding all its words at each level, and the rows tagged with it. */
interface UnitMatch {
  /** The rows holding every word in the body, the head and the title (none without words). */
  body: Uint32Array | null;
  head: Uint32Array | null;
  title: Uint32Array | null;
  /** The quality of a match at each level (see QUALITY); a later level outranks an earlier one. */
  qualities: [body: number, head: number, title: number];
  tagged: Uint32Array | null;
  /** Every row the unit matches in any way. */
  any: Uint32Array;
}

/** The unit's sets, in work buffers of its own (`i`: its place in the query). */
function matchUnit(data: SearchData, u: TextUnit, i: number, words: number): UnitMatch {
  const any = scratch.uint32(`unit ${i}`, words).fill(0);
  const scale = isConcept(u) ? QUALITY.conceptText : 1;
  const qualities: UnitMatch['qualities'] = [QUALITY.body * scale, QUALITY.head * scale, QUALITY.title * scale];
  const levels: (Uint32Array | null)[] = [null, null, null];
  if (u.words.length) {
    const word = scratch.uint32('word', words);
    [data.postings, data.headPostings, data.titlePostings].forEach((postings, level) => {
      // Rows holding every word (any of each word's lexemes).
      const all = scratch.uint32(`unit ${i} level ${level}`, words).fill(0xffffffff);
      for (const alternatives of u.words) {
        word.fill(0);
        for (const lexeme of alternatives) postings.addTo(word, data.dict.lexeme.find(lexeme));
        intersect(all, word);
      }
      levels[level] = all;
      unite(any, all);
    });
  }
  let tagged: Uint32Array | null = null;
  const topicCodes = codesOf(data.dict.topic, u.topics.flatMap((slug) => data.topicIds.get(slug) ?? []));
  const kindCodes = codesOf(data.dict.kind, u.kinds);
  if (topicCodes.length || u.kinds.length) {
    tagged = scratch.uint32(`unit ${i} tagged`, words);
    const topics = scratch.uint32('word', words);
    data.sets.topic.select(topics, topicCodes, false);
    data.sets.kind.select(tagged, kindCodes, false);
    unite(tagged, topics);
    unite(any, tagged);
  }
  const [body, head, title] = levels as [Uint32Array | null, Uint32Array | null, Uint32Array | null];
  return { body, head, title, qualities, tagged, any };
}

interface Scores {
  /** The weight of the units each slot matches, and the weight it needs. */
  found: Float64Array;
  needed: number;
  /** The weighted qualities: the order of "best match". */
  rank: Float64Array;
  /** The rows that match some unit of weight: the only ones that can reach `needed`. */
  matched: Int32Array;
}
const scored = new WeakMap<IndexedSearch, Scores>();

/** Scores every slot against the search's units (once per search). */
function scoresOf(search: IndexedSearch): Scores | null {
  const units = search.units;
  if (!units) return null;
  const known = scored.get(search);
  if (known) return known;
  const { data } = search;
  const n = data.slots;
  const words = wordsFor(n);
  const matches = units.map((u, i) => matchUnit(data, u, i, words));
  const live = data.live.subarray(0, words);
  const at = scratch.int32('words', words);
  const matching = matches.map((m) => sizeOfBoth(m.any, live, at, filledWords(m.any, at)));
  const weights = unitWeights(units, matching, data.count);
  // Summed unit by unit in the query's order, as the database does, so both reach the same numbers.
  const found = scratch.float64('found', n).fill(0);
  const rank = scratch.float64('unitRank', n).fill(0);
  const weighed = scratch.uint32('weighed', words).fill(0);
  const none = scratch.uint32('none', words).fill(0);
  const concept = QUALITY.concept;
  weights.forEach((weight, i) => {
    if (weight <= 0) return;
    const m = matches[i]!;
    unite(weighed, m.any);
    const [bodyQuality, headQuality, titleQuality] = m.qualities;
    const { any } = m;
    const body = m.body ?? none;
    const head = m.head ?? none;
    const title = m.title ?? none;
    const tagged = m.tagged ?? none;
    for (let w = 0; w < words; w++) {
      const t = title[w]!;
      const h = head[w]!;
      const b = body[w]!;
      const g = tagged[w]!;
      for (let x = any[w]!; x !== 0; x &= x - 1) {
        const bit = x & -x;
        const s = (w << 5) + 31 - Math.clz32(bit);
        let quality = t & bit ? titleQuality : h & bit ? headQuality : b & bit ? bodyQuality : 0;
        if (g & bit) quality += concept;
        found[s]! += weight;
        rank[s]! += weight * quality;
      }
    }
  });
  const matched = new Int32Array(size(weighed));
  slotsOf(weighed, matched);
  const out = { found, needed: threshold(weights), rank, matched };
  scored.set(search, out);
  return out;
}

/**
 * Work buffers, reused from one search to the next (a search runs start to end without yielding,
 * so one set per process is enough): allocating them anew costs garbage collection on every search.
 */
const scratch = new (class {
  private readonly buffers = new Map<string, Uint32Array | Int32Array | Float64Array>();
  private get<T extends Uint32Array | Int32Array | Float64Array>(name: string, n: number, make: (n: number) => T): T {
    let b = this.buffers.get(name) as T | undefined;
    if (!b || b.length < n) {
      b = make(Math.max(n, 1024));
      this.buffers.set(name, b);
    }
    return b.subarray(0, n) as T;
  }
  uint32 = (name: string, n: number) => this.get(name, n, (k) => new Uint32Array(k));
  int32 = (name: string, n: number) => this.get(name, n, (k) => new Int32Array(k));
  float64 = (name: string, n: number) => this.get(name, n, (k) => new Float64Array(k));
})();

/**
 * When each slot can next start, as of `now` (NaN for never): the stored next start, or a later
 * one. For every slot, or only for `only`.
 */
function nextStarts(data: SearchData, now: number, out: Float64Array, only?: Int32Array): Float64Array {
  const next = data.nextStart;
  const { values, at: from, length } = data.starts;
  const one = (s: number) => {
    const at = next[s]!;
    if (at >= now) {
      out[s] = at;
      return;
    }
    out[s] = NaN;
    for (let i = from[s]!, end = i + length[s]!; i < end; i++) {
      if (values[i]! >= now) {
        out[s] = values[i]!;
        return;
      }
    }
  };
  if (only) for (const s of only) one(s);
  else for (let s = 0; s < data.slots; s++) one(s);
  return out;
}

/** The conditions outside the facets, by name: the words, the place, then the plain filters (filters.ts). */
function baseConditions(search: IndexedSearch, at: RowsNow, online: number): [string, Condition][] {
  const { data, query: q, place } = search;
  const out: [string, Condition][] = [];
  const scores = scoresOf(search);
  if (scores) {
    const { found, needed, matched } = scores;
    out.push(['q', (keep) => {
      for (const s of matched) if (found[s]! >= needed) keep[s >>> 5]! |= 1 << (s & 31);
    }]);
  } else if (search.text) {
    const text = search.text;
    out.push(['q', (keep) => copyInto(keep, matchText(data, text, keep.length))]);
  }
  if (place) {
    const box = boundingBox(place, q.radiusKm);
    const radius = q.radiusKm;
    const { latitude, longitude, delivery } = data;
    out.push(['near', where(data.slots, (s) => {
      if (delivery[s] === online) return true;
      const lat = latitude[s]!;
      const lon = longitude[s]!;
      return lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon && haversineKm(place, lat, lon) <= radius;
    })]);
  }
  for (const [name, filter] of activeFilters(PLAIN_FILTERS, q)) out.push([name, filter.rows(q, at)]);
  return out;
}

/** The condition of each active faceted filter, in the order of FACETS. */
function facetConditions(q: SearchQuery, at: RowsNow): [Facet, Condition][] {
  return activeFilters(FACET_FILTERS, q).map(([facet, filter]) => [facet, filter.rows(q, at)]);
}

/**
 * Each facet's counts: for each of its values, how many rows of `rows(facet)` hold it — the rows
 * that pass every filter, or for an active faceted filter every filter but its own.
 */
function countFacets(data: SearchData, horizon: Horizon, rows: (facet: Facet) => Uint32Array): FacetCounts {
  const d = data.dict;
  const sets = data.sets;
  const slugOf = new Map([...data.topicIds].map(([slug, id]) => [id, slug]));
  const notOpen = new Uint32Array(horizon.open.length);
  for (let w = 0; w < notOpen.length; w++) notOpen[w] = ~horizon.open[w]!;
  // Each facet: its values' names and sets, by code.
  const values: Record<Facet, [readonly string[], readonly (Uint32Array | undefined)[]]> = {
    kind: [d.kind.values, sets.kind.sets],
    format: [d.format.values, sets.format.sets],
    leadership: [d.leadership.values, sets.leadership.sets],
    delivery: [d.delivery.values, sets.delivery.sets],
    topic: [d.topic.values.map((id) => slugOf.get(id) ?? id), sets.topic.sets],
    lang: [d.language.values, sets.language.sets],
    cost: [d.cost.values, sets.cost.sets],
    insurance: [['false', 'true'], sets.insurance.sets],
    day: [WEEKDAYS, sets.day.sets],
    time: [TIMES_OF_DAY, sets.time.sets],
    audience: [d.gender.values, sets.gender.sets],
    access: [d.access.values, sets.access.sets],
    faith: [d.faith.values, sets.faith.sets],
    starts_within: [STARTS_WITHIN_CHOICES.map(String), STARTS_WITHIN_CHOICES.map((days) => horizon.within(days))],
    open: [['false', 'true'], [notOpen, horizon.open]],
  };
  const out = {} as FacetCounts;
  // Only the words that hold a row are read (a narrow search reads few).
  const words = scratch.int32('filled', wordsFor(data.slots));
  let filledOf: Uint32Array | null = null;
  let filled = 0;
  for (const f of FACETS) {
    const target = rows(f);
    if (filledOf !== target) {
      filled = filledWords(target, words);
      filledOf = target;
    }
    const [names, codeSets] = values[f];
    const counts: Record<string, number> = {};
    codeSets.forEach((set, code) => {
      const name = names[code];
      if (!set || name === undefined) return;
      const n = sizeOfBoth(target, set, words, filled);
      if (n > 0) counts[name] = (counts[name] ?? 0) + n;
    });
    out[f] = counts;
  }
  return out;
}

/** The first `k` of `slots` in the order of `cmp`. */
function topK(slots: Int32Array, k: number, cmp: (a: number, b: number) => number): number[] {
  if (slots.length <= k * 4) return Array.from(slots).sort(cmp).slice(0, k);
  // A heap of the k best so far, the worst on top.
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && cmp(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && cmp(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const s of slots) {
    if (heap.length < k) {
      heap.push(s);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (cmp(heap[i]!, heap[parent]!) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (k > 0 && cmp(s, heap[0]!) < 0) {
      heap[0] = s;
      down(0);
    }
  }
  return heap.sort(cmp);
}

/** Ascending with NaN (null) last. */
const ascNullsLast = (a: number, b: number) => (a === b ? 0 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b);

/** Whether each row's group is offered in a language: 1 or 0, read from its set of languages. */
function offeredIn(data: SearchData, locale: string | undefined): (slot: number) => number {
  const code = locale === undefined ? undefined : data.dict.language.find(locale);
  const set = code === undefined ? undefined : data.sets.language.sets[code];
  if (!set) return () => 0;
  return (slot) => (set[slot >>> 5]! >>> (slot & 31)) & 1;
}

function comparator(data: SearchData, sort: Sort, ns: Float64Array, rank: Float64Array | null, distance: Float64Array | null, locale?: string) {
  const byId = (a: number, b: number) => (data.id[a]! < data.id[b]! ? -1 : data.id[a]! > data.id[b]! ? 1 : 0);
  const newest = (a: number, b: number) => ascNullsLast(-data.publishedAt[a]!, -data.publishedAt[b]!);
  const soonest = (a: number, b: number) => ascNullsLast(ns[a]!, ns[b]!) || newest(a, b);
  // Best match: title matches first, then groups offered in the page's language, then groups of
  // verified organizations, then soonest.
  const verified = data.verified;
  const trusted = (a: number, b: number) => verified[b]! - verified[a]!;
  const inLanguage = offeredIn(data, locale);
  const speaks = (a: number, b: number) => inLanguage(b) - inLanguage(a);
  if (sort === 'relevance' && rank) return (a: number, b: number) => rank[b]! - rank[a]! || speaks(a, b) || trusted(a, b) || soonest(a, b) || byId(a, b);
  if (sort === 'relevance') return (a: number, b: number) => speaks(a, b) || trusted(a, b) || soonest(a, b) || byId(a, b);
  if (sort === 'distance' && distance) return (a: number, b: number) => ascNullsLast(distance[a]!, distance[b]!) || soonest(a, b) || byId(a, b);
  if (sort === 'newest') return (a: number, b: number) => newest(a, b) || byId(a, b);
  return (a: number, b: number) => soonest(a, b) || byId(a, b);
}

/** What a search finds before ordering: what the cache keeps. */
interface Counted {
  total: number;
  facets: FacetCounts | null;
  suggestions: { filter: string; total: number }[];
  /** The slots that pass every filter (a copy when cached). */
  passing: Int32Array;
  /** The clock it was counted at, and the time at which the passing of time alone would change
   * the outcome (a start passes): it holds for a clock in between, not one that went back. */
  countedAt: number;
  validUntil: number;
  /** Pages already ordered, by sort and range (cached searches only). */
  pages?: Map<string, IndexedResult['hits']>;
}

/**
 * When each slot can next start and which have places, as of `now`; the rows that start within
 * each number of days asked for; and the first moment at which any of it changes.
 */
type Horizon = { ns: Float64Array; open: Uint32Array; within(days: number): Uint32Array; validUntil: number };

/**
 * The last horizon computed, for the copy of the rows, version and "starts within" limits it was
 * computed for: it holds, unchanged, from the moment it was computed until `validUntil`, so the
 * searches in between (most of them, with the cache of counts on or off) do not walk every row's
 * starts again.
 */
let lastHorizon: (Horizon & { data: SearchData; version: number; withinKey: string; from: number }) | null = null;

function startsAndHorizon(data: SearchData, now: number, withinDays: readonly number[]): Horizon {
  const withinKey = withinDays.join(',');
  const last = lastHorizon;
  if (last && last.data === data && last.version === data.version && last.withinKey === withinKey && last.from <= now && now < last.validUntil) {
    return last;
  }
  const fresh = { ...computeHorizon(data, now, withinDays), data, version: data.version, withinKey, from: now };
  lastHorizon = fresh;
  return fresh;
}

function computeHorizon(data: SearchData, now: number, withinDays: readonly number[]): Horizon {
  // Its own arrays, not scratch ones: it is kept for the searches that follow.
  const ns = nextStarts(data, now, new Float64Array(data.slots));
  const words = wordsFor(data.slots);
  const open = new Uint32Array(words);
  const seatsUntil = data.seatsUntil;
  const ongoing = data.dict.format.find('ongoing') ?? -1;
  const sets = new Map(withinDays.map((days) => [days, { until: now + days * 86_400_000, rows: new Uint32Array(words) }]));
  const limits = [...sets.values()];
  let validUntil = Infinity;
  for (let s = 0; s < ns.length; s++) {
    const word = s >>> 5;
    const bit = 1 << (s & 31);
    const until = seatsUntil[s]!;
    if (until > now) {
      open[word]! |= bit;
      if (until < validUntil && data.alive[s]) validUntil = until;
    }
    const at = ns[s]!;
    const always = data.format[s] === ongoing;
    for (const limit of limits) if (always || at <= limit.until) limit.rows[word]! |= bit;
    if (!(at === at) || !data.alive[s]) continue;
    if (at < validUntil) validUntil = at;
    for (const limit of limits) {
      const edge = at - (limit.until - now);
      if (edge > now && edge < validUntil) validUntil = edge;
    }
  }
  return { ns, open, within: (days) => sets.get(days)!.rows, validUntil };
}

function count(search: IndexedSearch, wantFacets: boolean): Counted & { ns: Float64Array } {
  const { data } = search;
  const n = data.slots;
  const words = wordsFor(n);
  const now = search.now.getTime();
  const within = search.query.startsWithin === undefined ? STARTS_WITHIN_CHOICES : [...STARTS_WITHIN_CHOICES, search.query.startsWithin];
  const horizon = startsAndHorizon(data, now, within);
  const online = data.dict.delivery.find('online') ?? -1;
  const at: RowsNow = { data, open: horizon.open, within: horizon.within };
  const base = baseConditions(search, at, online);
  const facets = facetConditions(search.query, at);

  // The rows each condition keeps.
  const kept = [...base, ...facets].map(([, condition], i) => {
    const rows = scratch.uint32(`kept${i}`, words).fill(0);
    condition(rows);
    return rows;
  });
  const baseRows = scratch.uint32('base', words);
  copyInto(baseRows, data.live);
  for (let i = 0; i < base.length; i++) intersect(baseRows, kept[i]!);
  const passingRows = scratch.uint32('passing rows', words);
  copyInto(passingRows, baseRows);
  for (let j = 0; j < facets.length; j++) intersect(passingRows, kept[base.length + j]!);
  const passing = scratch.int32('passing', n);
  const total = slotsOf(passingRows, passing);

  let facetCounts: FacetCounts | null = null;
  if (wantFacets) {
    // An active faceted filter's own facet counts the rows that pass every other filter.
    const allBut = new Map(
      facets.map(([facet], j) => {
        const rows = scratch.uint32(`all but ${j}`, words);
        copyInto(rows, baseRows);
        facets.forEach((_, k) => k !== j && intersect(rows, kept[base.length + k]!));
        return [facet, rows];
      }),
    );
    facetCounts = countFacets(data, horizon, (facet) => allBut.get(facet) ?? passingRows);
  }
  const suggestions = total === 0 ? dropSuggestions(data, kept, [...base, ...facets].map(([name]) => name)) : [];
  return { total, facets: facetCounts, suggestions, passing: passing.subarray(0, total), countedAt: now, validUntil: horizon.validUntil, ns: horizon.ns };
}

// Counted searches (search-cache.ts), by copy of the rows, kept while no row changes (the copy's
// version) and no start passes (validUntil): a repeated search is then exactly what a fresh count
// would give, without the count. Bounded in entries and in bytes.
interface CacheEntry extends Counted {
  version: number;
}
const cache = new SearchCache<CacheEntry>({ entries: 500, bytes: 64 * 1024 * 1024, sizeOf: (e) => e.passing.byteLength });
/** Each copy of the rows a number of its own, for the cache's keys. */
const copies = new WeakMap<SearchData, number>();
let copiesSeen = 0;

function cached(search: IndexedSearch, wantFacets: boolean): Counted & { ns: Float64Array | null } {
  if (!cache.on) return count(search, wantFacets);
  const { data, query: q, place, text } = search;
  let copy = copies.get(data);
  if (copy === undefined) copies.set(data, (copy = ++copiesSeen));
  const key = JSON.stringify([
    copy,
    { ...q, q: undefined, sort: undefined, page: undefined, perPage: undefined, near: undefined },
    text,
    search.units ?? null,
    place && [place.latitude, place.longitude],
    wantFacets,
  ]);
  const now = search.now.getTime();
  const hit = cache.get(key, (e) => e.version === data.version && e.countedAt <= now && now < e.validUntil);
  if (hit) return { ...hit, ns: null };
  const fresh = count(search, wantFacets);
  const entry: CacheEntry = { ...fresh, passing: fresh.passing.slice(), pages: new Map(), version: data.version };
  cache.set(key, entry);
  return { ...entry, ns: fresh.ns };
}

/**
 * One search over the index: the total, the facet counts (each with every other active filter),
 * the requested page, and with no result the counts that say which filter to drop. `cacheMs`
 * keeps the counts of a search for repeats (0: count every time).
 */
export function findInIndex(search: IndexedSearch, page: { offset: number; limit: number; facets: boolean }): IndexedResult {
  const { data, place } = search;
  const n = data.slots;
  const now = search.now.getTime();
  const counted = cached(search, page.facets);
  const result = (hits: IndexedResult['hits']) => ({ total: counted.total, facets: counted.facets, hits, suggestions: counted.suggestions });
  // The order of the rows cannot change while the counts hold (same rows, no start passed).
  const pageKey = `${search.sort}:${search.locale ?? ''}:${page.offset}:${page.limit}`;
  const known = counted.pages?.get(pageKey);
  if (known) return result(known);
  const matches = counted.passing;
  // From the cache: the next starts of the matching rows only.
  const ns = counted.ns ?? nextStarts(data, now, scratch.float64('nextStart', n), matches);
  let rank: Float64Array | null = null;
  if (search.units && search.sort === 'relevance') {
    rank = scoresOf(search)!.rank;
  } else if (search.text && search.sort === 'relevance') {
    // Title matches first: the share of the query's words found in the title.
    const words = [...positiveLexemes(search.text)].flatMap((l) => data.dict.lexeme.find(l) ?? []);
    rank = scratch.float64('rank', n);
    for (const s of matches) {
      let found = 0;
      for (const w of words) if (data.title.holds(s, w)) found++;
      rank[s] = words.length ? found / words.length : 0;
    }
  }
  let distance: Float64Array | null = null;
  if (place) {
    distance = scratch.float64('distance', n);
    for (const s of matches) {
      const lat = data.latitude[s]!;
      distance[s] = Number.isNaN(lat) ? NaN : haversineKm(place, lat, data.longitude[s]!);
    }
  }
  const online = data.dict.delivery.find('online') ?? -1;
  const ordered = topK(matches, page.offset + page.limit, comparator(data, search.sort, ns, rank, distance, search.locale)).slice(page.offset);
  const hits = ordered.map((s) => ({
    id: data.id[s]!,
    distance: distance && data.delivery[s] !== online && !Number.isNaN(distance[s]!) ? distance[s]! : null,
  }));
  if (counted.pages && counted.pages.size < 20) counted.pages.set(pageKey, hits);
  return result(hits);
}

/** For each condition, how many rows fail it and pass every other (the results without that filter). */
function dropSuggestions(data: SearchData, kept: Uint32Array[], names: string[]): { filter: string; total: number }[] {
  const words = wordsFor(data.slots);
  const rows = scratch.uint32('dropped', words);
  const counts = names.map((_, i) => {
    copyInto(rows, data.live);
    kept.forEach((k, j) => {
      if (j !== i) intersect(rows, k);
    });
    for (let w = 0; w < words; w++) rows[w]! &= ~kept[i]![w]!;
    return size(rows);
  });
  return dropSuggestionsOf(names, counts);
}
