import type { SearchData, SetColumn } from './search-index';
import { FACETS, STARTS_WITHIN_CHOICES, TIMES_OF_DAY, WEEKDAYS, type Facet, type FacetCounts, type SearchQuery, type Sort } from './search-input';
import { boundingBox, haversineKm, type Point } from './search-sql';
import { allowed, codesOf, type Condition } from './row-conditions';
import { activeFilters, dropSuggestionsOf, FACET_FILTERS, PLAIN_FILTERS, type RowsNow } from './filters';
import { positiveLexemes, type TsQuery } from './tsquery';
import { SearchCache } from './search-cache';
import { isConcept, QUALITY, threshold, unitWeights, type TextUnit } from './scored-text';

// The search of find-groups.ts run over the in-process index (search-index.ts) instead of the
// database: the same filters, facet counts, order and "which filter to drop" counts, row for row
// (find-groups.test.ts runs every case both ways). Work goes column by column: each condition
// sets its bit, in one tight loop over a typed array, on the rows it rejects; the rows are then
// sorted out by how many bits they carry.

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

/** Which slots a text query matches (1 = match), from the lexeme postings. */
function matchText(data: SearchData, q: TsQuery): Uint8Array {
  const n = data.slots;
  switch (q.op) {
    case 'lexeme': {
      const out = new Uint8Array(n);
      const id = data.dict.lexeme.find(q.lexeme);
      if (id !== undefined) for (const slot of data.postings[id] ?? []) out[slot] = 1;
      return out;
    }
    case 'not': {
      const out = matchText(data, q.arg);
      for (let i = 0; i < n; i++) out[i] = out[i] ? 0 : 1;
      return out;
    }
    case 'and':
    case 'or':
    case 'phrase': {
      // Phrases never reach here (they need word positions: the database answers them).
      const left = matchText(data, q.left);
      const right = matchText(data, q.right);
      if (q.op === 'or') for (let i = 0; i < n; i++) left[i] = left[i]! | right[i]!;
      else for (let i = 0; i < n; i++) left[i] = left[i]! & right[i]!;
      return left;
    }
  }
}

/** How well each slot matches one unit (0 for none; see QUALITY), and how many live slots match it. */
function unitQuality(data: SearchData, u: TextUnit, out: Float64Array): number {
  const n = data.slots;
  out.fill(0);
  if (u.words.length) {
    const scale = isConcept(u) ? QUALITY.conceptText : 1;
    const levels: [number[][], number][] = [
      [data.postings, QUALITY.body * scale],
      [data.headPostings, QUALITY.head * scale],
      [data.titlePostings, QUALITY.title * scale],
    ];
    const held = scratch.int32('held', n);
    const stamp = scratch.int32('stamp', n);
    for (const [lists, quality] of levels) {
      held.fill(0);
      stamp.fill(0);
      u.words.forEach((alternatives, k) => {
        for (const lexeme of alternatives) {
          const id = data.dict.lexeme.find(lexeme);
          if (id === undefined) continue;
          for (const slot of lists[id] ?? []) {
            if (stamp[slot] === k + 1) continue;
            stamp[slot] = k + 1;
            held[slot]!++;
          }
        }
      });
      const all = u.words.length;
      for (let s = 0; s < n; s++) if (held[s] === all) out[s] = quality;
    }
  }
  const topicCodes = codesOf(data.dict.topic, u.topics.flatMap((slug) => data.topicIds.get(slug) ?? []));
  const kinds = allowed(data.dict.kind, u.kinds);
  if (topicCodes.length || u.kinds.length) {
    const mask = data.topics.mask(topicCodes);
    const { words, width } = data.topics;
    for (let s = 0; s < n; s++) {
      let tagged = kinds[data.kind[s]!] === 1;
      for (let w = 0; w < width && !tagged; w++) tagged = (words[s * width + w]! & mask[w]!) !== 0;
      if (tagged) out[s]! += QUALITY.concept;
    }
  }
  let matching = 0;
  for (let s = 0; s < n; s++) if (out[s]! > 0 && data.alive[s]) matching++;
  return matching;
}

interface Scores {
  /** The weight of the units each slot matches, and the weight it needs. */
  found: Float64Array;
  needed: number;
  /** The weighted qualities: the order of "best match". */
  rank: Float64Array;
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
  const qualities = units.map(() => new Float64Array(n));
  const matching = units.map((u, i) => unitQuality(data, u, qualities[i]!));
  const weights = unitWeights(units, matching, data.count);
  // Summed unit by unit in the query's order, as the database does, so both reach the same numbers.
  const found = new Float64Array(n);
  const rank = new Float64Array(n);
  weights.forEach((w, i) => {
    if (w <= 0) return;
    const q = qualities[i]!;
    for (let s = 0; s < n; s++) {
      if (q[s]! > 0) found[s]! += w;
      rank[s]! += w * q[s]!;
    }
  });
  const out = { found, needed: threshold(weights), rank };
  scored.set(search, out);
  return out;
}

/**
 * Work buffers, reused from one search to the next (a search runs start to end without yielding,
 * so one set per process is enough): allocating them anew costs garbage collection on every search.
 */
const scratch = new (class {
  private readonly buffers = new Map<string, Uint8Array | Uint32Array | Int32Array | Float64Array>();
  private get<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(name: string, n: number, make: (n: number) => T): T {
    let b = this.buffers.get(name) as T | undefined;
    if (!b || b.length < n) {
      b = make(Math.max(n, 1024));
      this.buffers.set(name, b);
    }
    return b.subarray(0, n) as T;
  }
  uint8 = (name: string, n: number) => this.get(name, n, (k) => new Uint8Array(k));
  uint32 = (name: string, n: number) => this.get(name, n, (k) => new Uint32Array(k));
  int32 = (name: string, n: number) => this.get(name, n, (k) => new Int32Array(k));
  float64 = (name: string, n: number) => this.get(name, n, (k) => new Float64Array(k));
})();

/**
 * When each slot can next start, as of `now` (NaN for never): the stored next start, or a later
 * one. For every slot, or only for `only`.
 */
function nextStarts(data: SearchData, now: number, only?: Int32Array): Float64Array {
  const out = scratch.float64('nextStart', data.slots);
  const next = data.nextStart;
  const one = (s: number) => {
    const at = next[s]!;
    if (at >= now) {
      out[s] = at;
      return;
    }
    out[s] = NaN;
    for (const later of data.starts[s]!) {
      if (later >= now) {
        out[s] = later;
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
    const { found, needed } = scores;
    out.push(['q', (fail, bit) => {
      for (let s = 0; s < fail.length; s++) if (!(found[s]! >= needed)) fail[s]! |= bit;
    }]);
  } else if (search.text) {
    const match = matchText(data, search.text);
    out.push(['q', (fail, bit) => {
      for (let s = 0; s < fail.length; s++) if (!match[s]) fail[s]! |= bit;
    }]);
  }
  if (place) {
    const box = boundingBox(place, q.radiusKm);
    const radius = q.radiusKm;
    const { latitude, longitude, delivery } = data;
    out.push(['near', (fail, bit) => {
      for (let s = 0; s < fail.length; s++) {
        if (delivery[s] === online) continue;
        const lat = latitude[s]!;
        const lon = longitude[s]!;
        const inside = lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon && haversineKm(place, lat, lon) <= radius;
        if (!inside) fail[s]! |= bit;
      }
    }]);
  }
  for (const [name, filter] of activeFilters(PLAIN_FILTERS, q)) out.push([name, filter.rows(q, at)]);
  return out;
}

/** The condition of each active faceted filter, in the order of FACETS. */
function facetConditions(q: SearchQuery, at: RowsNow): [Facet, Condition][] {
  return activeFilters(FACET_FILTERS, q).map(([facet, filter]) => [facet, filter.rows(q, at)]);
}

/** Counts each facet's values, by code, over lists of slots; names them at the end. */
class FacetCounter {
  private readonly counts: Record<Facet, Int32Array>;
  private readonly limits: number[];
  private readonly ongoing: number;

  constructor(
    private readonly data: SearchData,
    private readonly ns: Float64Array,
    private readonly open: Uint8Array,
    now: number,
  ) {
    const d = data.dict;
    const size = (n: number) => new Int32Array(Math.max(n, 1));
    this.counts = {
      kind: size(d.kind.size),
      format: size(d.format.size),
      leadership: size(d.leadership.size),
      delivery: size(d.delivery.size),
      topic: size(data.topics.width * 32),
      lang: size(data.languages.width * 32),
      cost: size(d.cost.size),
      insurance: size(2),
      day: size(WEEKDAYS.length),
      time: size(TIMES_OF_DAY.length),
      audience: size(d.gender.size),
      access: size(data.access.width * 32),
      faith: size(d.faith.size),
      starts_within: size(STARTS_WITHIN_CHOICES.length),
      open: size(2),
    };
    this.limits = STARTS_WITHIN_CHOICES.map((days) => now + days * 86_400_000);
    this.ongoing = d.format.find('ongoing') ?? -1;
  }

  /** Counts the values of one facet over `slots[0..length)` (one tight loop per facet). */
  count(facet: Facet, slots: Int32Array, length: number): void {
    const data = this.data;
    const c = this.counts[facet];
    const single = (column: Uint8Array | Uint16Array) => {
      for (let i = 0; i < length; i++) c[column[slots[i]!]!]!++;
    };
    const set = ({ words, width }: SetColumn) => {
      for (let i = 0; i < length; i++) {
        const at = slots[i]! * width;
        for (let w = 0; w < width; w++) {
          for (let word = words[at + w]!; word !== 0; word &= word - 1) c[w * 32 + 31 - Math.clz32(word & -word)]!++;
        }
      }
    };
    const bitSet = (column: Uint8Array) => {
      for (let i = 0; i < length; i++) {
        for (let word = column[slots[i]!]!; word !== 0; word &= word - 1) c[31 - Math.clz32(word & -word)]!++;
      }
    };
    switch (facet) {
      case 'kind':
        return single(data.kind);
      case 'format':
        return single(data.format);
      case 'leadership':
        return single(data.leadership);
      case 'delivery':
        return single(data.delivery);
      case 'cost':
        return single(data.cost);
      case 'insurance':
        return single(data.insurance);
      case 'open':
        return single(this.open);
      case 'audience':
        return single(data.gender);
      case 'faith':
        return single(data.faith);
      case 'topic':
        return set(data.topics);
      case 'lang':
        return set(data.languages);
      case 'access':
        return set(data.access);
      case 'day':
        return bitSet(data.days);
      case 'time':
        return bitSet(data.times);
      case 'starts_within': {
        // "Within 7 days" also counts in "within 14" and "within 30"; online communities in all.
        const { limits, ongoing, ns } = this;
        for (let i = 0; i < length; i++) {
          const s = slots[i]!;
          if (data.format[s] === ongoing) {
            for (let k = 0; k < c.length; k++) c[k]!++;
            continue;
          }
          const at = ns[s]!;
          for (let k = 0; k < limits.length; k++) if (at <= limits[k]!) c[k]!++;
        }
        return;
      }
    }
  }

  /**
   * Counts the rows that pass every filter, in every facet at once: one loop reads each row's
   * columns together (about twice as fast as a loop per facet).
   */
  countEverywhere(slots: Int32Array, length: number): void {
    const d = this.data;
    const c = this.counts;
    const { kind, format, leadership, delivery, cost, insurance, gender, faith, days, times } = d;
    const [cKind, cFormat, cLeadership, cDelivery, cCost, cInsurance, cOpen, cAudience, cFaith, cDay, cTime, cStarts] = [
      c.kind, c.format, c.leadership, c.delivery, c.cost, c.insurance, c.open, c.audience, c.faith, c.day, c.time, c.starts_within,
    ] as Int32Array[];
    const { limits, ongoing, ns, open } = this;
    const [d1, d2, d3] = limits as [number, number, number];
    for (let i = 0; i < length; i++) {
      const s = slots[i]!;
      cKind![kind[s]!]!++;
      cFormat![format[s]!]!++;
      cLeadership![leadership[s]!]!++;
      cDelivery![delivery[s]!]!++;
      cCost![cost[s]!]!++;
      cInsurance![insurance[s]!]!++;
      cOpen![open[s]!]!++;
      cAudience![gender[s]!]!++;
      cFaith![faith[s]!]!++;
      for (let word = days[s]!; word !== 0; word &= word - 1) cDay![31 - Math.clz32(word & -word)]!++;
      for (let word = times[s]!; word !== 0; word &= word - 1) cTime![31 - Math.clz32(word & -word)]!++;
      if (format[s] === ongoing) {
        cStarts![0]!++;
        cStarts![1]!++;
        cStarts![2]!++;
      } else {
        const at = ns[s]!;
        if (at <= d3) {
          cStarts![2]!++;
          if (at <= d2) {
            cStarts![1]!++;
            if (at <= d1) cStarts![0]!++;
          }
        }
      }
    }
    this.count('topic', slots, length);
    this.count('lang', slots, length);
    this.count('access', slots, length);
  }

  result(): FacetCounts {
    const d = this.data.dict;
    const slugOf = new Map([...this.data.topicIds].map(([slug, id]) => [id, slug]));
    const names: Record<Facet, readonly string[]> = {
      kind: d.kind.values,
      format: d.format.values,
      leadership: d.leadership.values,
      delivery: d.delivery.values,
      topic: d.topic.values.map((id) => slugOf.get(id) ?? id),
      lang: d.language.values,
      cost: d.cost.values,
      insurance: ['false', 'true'],
      day: WEEKDAYS,
      time: TIMES_OF_DAY,
      audience: d.gender.values,
      access: d.access.values,
      faith: d.faith.values,
      starts_within: STARTS_WITHIN_CHOICES.map(String),
      open: ['false', 'true'],
    };
    const out = {} as FacetCounts;
    for (const f of FACETS) {
      const counts: Record<string, number> = {};
      this.counts[f].forEach((n, code) => {
        const name = names[f][code];
        if (n > 0 && name !== undefined) counts[name] = (counts[name] ?? 0) + n;
      });
      out[f] = counts;
    }
    return out;
  }
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
  const { width, words } = data.languages;
  if (code === undefined || code >>> 5 >= width) return () => 0;
  const word = code >>> 5;
  const bit = code & 31;
  return (slot) => (words[slot * width + word]! >>> bit) & 1;
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
 * When each slot can next start and whether it has places, as of `now`, and the first moment at
 * which either, or which side of a "starts within" limit a start falls on, changes.
 */
type Horizon = { ns: Float64Array; open: Uint8Array; validUntil: number };

/**
 * The last horizon computed, for the copy of the rows, version and "starts within" limits it was
 * computed for: it holds, unchanged, from the moment it was computed until `validUntil`, so the
 * searches in between (most of them, with the cache of counts on or off) do not walk every row's
 * starts again.
 */
let lastHorizon: (Horizon & { data: SearchData; version: number; within: string; from: number }) | null = null;

function startsAndHorizon(data: SearchData, now: number, withinDays: readonly number[]): Horizon {
  const within = withinDays.join(',');
  const last = lastHorizon;
  if (last && last.data === data && last.version === data.version && last.within === within && last.from <= now && now < last.validUntil) {
    return last;
  }
  const fresh = computeHorizon(data, now, withinDays);
  // Copies: the scratch arrays are written again by the next search.
  lastHorizon = { ns: fresh.ns.slice(), open: fresh.open.slice(), validUntil: fresh.validUntil, data, version: data.version, within, from: now };
  return lastHorizon;
}

function computeHorizon(data: SearchData, now: number, withinDays: readonly number[]): Horizon {
  const ns = nextStarts(data, now);
  const open = scratch.uint8('open', data.slots);
  const seatsUntil = data.seatsUntil;
  const offsets = withinDays.map((d) => d * 86_400_000);
  let validUntil = Infinity;
  for (let s = 0; s < ns.length; s++) {
    const until = seatsUntil[s]!;
    open[s] = until > now ? 1 : 0;
    if (open[s] && until < validUntil && data.alive[s]) validUntil = until;
    const at = ns[s]!;
    if (!(at === at) || !data.alive[s]) continue;
    if (at < validUntil) validUntil = at;
    for (const offset of offsets) {
      const edge = at - offset;
      if (edge > now && edge < validUntil) validUntil = edge;
    }
  }
  return { ns, open, validUntil };
}

function count(search: IndexedSearch, wantFacets: boolean): Counted & { ns: Float64Array } {
  const { data } = search;
  const n = data.slots;
  const now = search.now.getTime();
  const within = search.query.startsWithin === undefined ? STARTS_WITHIN_CHOICES : [...STARTS_WITHIN_CHOICES, search.query.startsWithin];
  const { ns, open, validUntil } = startsAndHorizon(data, now, within);
  const online = data.dict.delivery.find('online') ?? -1;
  const at: RowsNow = { data, nextStarts: ns, open, now };
  const base = baseConditions(search, at, online);
  const facets = facetConditions(search.query, at);

  // Bit i: the row fails base condition i; bit base.length + j: it fails faceted filter j.
  const fail = scratch.uint32('fail', n).fill(0);
  [...base, ...facets].forEach(([, condition], i) => condition(fail, 1 << i));
  const baseMask = (1 << base.length) - 1;
  const shift = base.length;

  // Rows passing everything, and rows failing exactly one faceted filter (they count in that
  // filter's facet only).
  const passing = scratch.int32('passing', n);
  let total = 0;
  const failingOnly = facets.map((_, j) => scratch.int32(`failing${j}`, n));
  const failingCount = new Int32Array(facets.length);
  const alive = data.alive;
  for (let s = 0; s < n; s++) {
    const f = fail[s]!;
    if (!alive[s] || f & baseMask) continue;
    const m = f >>> shift;
    if (m === 0) passing[total++] = s;
    else if ((m & (m - 1)) === 0) {
      const j = 31 - Math.clz32(m);
      failingOnly[j]![failingCount[j]!++] = s;
    }
  }

  let facetCounts: FacetCounts | null = null;
  if (wantFacets) {
    const counter = new FacetCounter(data, ns, open, now);
    counter.countEverywhere(passing, total);
    facets.forEach(([f], j) => counter.count(f, failingOnly[j]!, failingCount[j]!));
    facetCounts = counter.result();
  }
  const suggestions = total === 0 ? dropSuggestions(data, fail, [...base, ...facets].map(([name]) => name)) : [];
  return { total, facets: facetCounts, suggestions, passing: passing.subarray(0, total), countedAt: now, validUntil, ns };
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
  const ns = counted.ns ?? nextStarts(data, now, matches);
  let rank: Float64Array | null = null;
  if (search.units && search.sort === 'relevance') {
    rank = scoresOf(search)!.rank;
  } else if (search.text && search.sort === 'relevance') {
    // Title matches first: the share of the query's words found in the title.
    const words = [...positiveLexemes(search.text)].flatMap((l) => data.dict.lexeme.find(l) ?? []);
    rank = scratch.float64('rank', n);
    for (const s of matches) {
      const title = data.title[s]!;
      let found = 0;
      for (const w of words) if (title.includes(w)) found++;
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

/** For each condition, how many rows fail it and no other (the results without that filter). */
function dropSuggestions(data: SearchData, fail: Uint32Array, names: string[]): { filter: string; total: number }[] {
  const counts = new Array<number>(names.length).fill(0);
  for (let s = 0; s < data.slots; s++) {
    const f = fail[s]!;
    if (data.alive[s] && f !== 0 && (f & (f - 1)) === 0) counts[31 - Math.clz32(f)]!++;
  }
  return dropSuggestionsOf(names, counts);
}
