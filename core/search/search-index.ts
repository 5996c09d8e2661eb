import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rows } from './rows';
import { listen, type Listener } from '../../db/listen';
import { bitIndexes, CodeSets, wordsFor } from './bitset';
import { Postings, SlotLists } from './slot-lists';

// An in-process copy of the search rows (`group_search`), laid out by column, so that filters,
// facet counts and ordering run in memory instead of scanning tens of thousands of rows in the
// database for every search (decision 0007). The database stays the source of truth: it stems
// the words, and every change to the search rows is announced on a notification channel
// (refreshGroupSearch sends it in the writing transaction, so it arrives only once the change is
// committed). Each app process listens, and fetches the announced groups again before its next
// search. A process that loses its listening connection reloads everything.

export const SEARCH_CHANNEL = 'cercle_group_search';
/** Group ids per notification (a notification carries at most 8000 bytes). */
export const IDS_PER_NOTICE = 200;

/** Strings of one column turned into small integer codes, so rows compare and count by number. */
export class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
  get size(): number {
    return this.values.length;
  }
}

/** One search row as the database sends it (see `COLUMNS`; lists come joined into strings). */
interface RawRow {
  group_id: string;
  kind: string;
  format: string;
  leadership: string;
  delivery: string;
  cost_type: string;
  price_cents: number;
  insurance_receipts: boolean;
  languages: string;
  topic_ids: string;
  accessibility: string;
  faith: string;
  gender: string;
  age_min: number | null;
  age_max: number | null;
  days: number;
  times: number;
  next_start: number | string | null;
  starts: string;
  seats_until: number | string | null;
  latitude: number | null;
  longitude: number | null;
  published_at: number | string | null;
  org_verified: boolean;
  lexemes: string;
  head_lexemes: string;
  title_lexemes: string;
}

// Lists travel as joined strings, which split far faster than the drivers parse arrays. Lexemes
// never hold spaces (the parser splits words on them); tags and codes hold no newline.
const ms = (v: SQL) => sql`(extract(epoch from ${v}) * 1000)::float8`;
const joined = (v: SQL) => sql`array_to_string(${v}, chr(10))`;
const COLUMNS = sql`gs.group_id, gs.kind, gs.format, gs.leadership, gs.delivery, gs.cost_type, gs.price_cents,
  gs.insurance_receipts, ${joined(sql`gs.languages`)} as languages, ${joined(sql`gs.topic_ids`)} as topic_ids,
  ${joined(sql`gs.accessibility`)} as accessibility, gs.faith, gs.gender, gs.age_min, gs.age_max,
  gs.days, gs.times, ${ms(sql`gs.next_start`)} as next_start,
  ${joined(sql`array(select ${ms(sql`x`)} from unnest(gs.starts) x order by x)`)} as starts,
  ${ms(sql`gs.seats_until`)} as seats_until, gs.latitude, gs.longitude, ${ms(sql`gs.published_at`)} as published_at,
  gs.org_verified, array_to_string(tsvector_to_array(gs.document), ' ') as lexemes,
  array_to_string(tsvector_to_array(ts_filter(gs.document, '{a,b}')), ' ') as head_lexemes,
  array_to_string(tsvector_to_array(gs.title_document), ' ') as title_lexemes`;

const num = (v: number | string | null): number => (v == null ? NaN : Number(v));
const list = (v: string, separator = '\n'): string[] => (v ? v.split(separator) : []);

type Numeric = Uint8Array | Uint16Array | Int32Array | Float64Array;
const NUMERIC_COLUMNS = [
  'alive', 'format', 'delivery', 'price', 'ageMin', 'ageMax', 'nextStart', 'seatsUntil', 'latitude', 'longitude', 'publishedAt', 'verified',
] as const;
/** The columns kept as a set of slots per value (see `SearchData.sets`). */
const SET_COLUMNS = ['kind', 'format', 'leadership', 'delivery', 'cost', 'insurance', 'faith', 'gender', 'language', 'topic', 'access', 'day', 'time'] as const;

/**
 * The rows, one slot each, column by column in typed arrays. Slots of removed groups are reused.
 * Every string column is coded through a dictionary; `postings` lists, for each lexeme, the slots
 * whose document holds it. Missing numbers (no age limit, no venue) are NaN.
 */
export class SearchData {
  readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private capacity = 1024;
  /** Slots in use or freed (rows are read up to here). */
  slots = 0;
  /** Goes up with every change to the rows (cached counts of an older version are stale). */
  version = 0;
  readonly id: string[] = [];
  alive = new Uint8Array(this.capacity);
  format = new Uint8Array(this.capacity);
  delivery = new Uint8Array(this.capacity);
  price = new Int32Array(this.capacity);
  ageMin = new Float64Array(this.capacity);
  ageMax = new Float64Array(this.capacity);
  nextStart = new Float64Array(this.capacity);
  /** Until when the group has places (ms; Infinity for ongoing groups, NaN when none). */
  seatsUntil = new Float64Array(this.capacity);
  latitude = new Float64Array(this.capacity);
  longitude = new Float64Array(this.capacity);
  publishedAt = new Float64Array(this.capacity);
  /** 1 when the group's organization is verified. */
  verified = new Uint8Array(this.capacity);
  /** The slots in use, as a set of bits (bitset.ts). */
  live = new Uint32Array(wordsFor(this.capacity));
  /**
   * For each filtered column, the slots holding each of its codes (the dictionary's codes; for
   * insurance 0 and 1; for days and times of day the bit's index): filters and facet counts work
   * on these sets.
   */
  readonly sets = Object.fromEntries(SET_COLUMNS.map((name) => [name, new CodeSets(wordsFor(this.capacity))])) as Record<(typeof SET_COLUMNS)[number], CodeSets>;
  /** Each slot's later starts (ms), ascending. */
  readonly starts = new SlotLists((n) => new Float64Array(n), this.capacity);
  /** Each slot's lexemes (their dictionary codes): of the whole document, of its title, and of its
   * titles, topics, organization and facilitators (weights A and B). */
  readonly document = new SlotLists((n) => new Int32Array(n), this.capacity);
  readonly title = new SlotLists((n) => new Int32Array(n), this.capacity);
  readonly head = new SlotLists((n) => new Int32Array(n), this.capacity);
  /** For each lexeme, the slots whose document, head or title holds it. */
  readonly postings = new Postings(wordsFor(this.capacity));
  readonly headPostings = new Postings(wordsFor(this.capacity));
  readonly titlePostings = new Postings(wordsFor(this.capacity));

  readonly dict = {
    kind: new Dictionary(),
    format: new Dictionary(),
    leadership: new Dictionary(),
    delivery: new Dictionary(),
    cost: new Dictionary(),
    language: new Dictionary(),
    topic: new Dictionary(),
    access: new Dictionary(),
    faith: new Dictionary(),
    gender: new Dictionary(),
    lexeme: new Dictionary(),
  };

  /** Topic slug → id (a search names topics by slug; rows carry ids). */
  topicIds = new Map<string, string>();

  get count(): number {
    return this.slotOf.size;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    for (const name of NUMERIC_COLUMNS) {
      const old = this[name] as Numeric;
      const next = new (old.constructor as new (n: number) => Numeric)(capacity);
      next.set(old);
      (this as unknown as Record<string, Numeric>)[name] = next;
    }
    const words = wordsFor(capacity);
    const live = new Uint32Array(words);
    live.set(this.live);
    this.live = live;
    for (const sets of Object.values(this.sets)) sets.grow(words);
    for (const postings of [this.postings, this.headPostings, this.titlePostings]) postings.grow(words);
    for (const lists of [this.starts, this.document, this.title, this.head]) lists.grow(capacity);
    this.capacity = capacity;
  }

  /** The codes of a text's lexemes, in a buffer reused by the next call. */
  private lexemeIds(text: string): Int32Array {
    const words = list(text, ' ');
    if (words.length > this.codes.length) this.codes = new Int32Array(words.length * 2);
    const out = this.codes.subarray(0, words.length);
    for (let i = 0; i < words.length; i++) out[i] = this.dict.lexeme.code(words[i]!);
    return out;
  }
  private codes = new Int32Array(256);

  upsert(r: RawRow): void {
    this.version++;
    let slot = this.slotOf.get(r.group_id);
    const isNew = slot === undefined;
    if (slot === undefined) {
      slot = this.free.pop() ?? this.slots++;
      if (slot >= this.capacity) this.grow();
      this.slotOf.set(r.group_id, slot);
      this.id[slot] = r.group_id;
    }
    // Most refreshes change seats or dates, not words: the postings then stay as they are.
    const texts: [SlotLists<Int32Array>, Postings, string][] = [
      [this.document, this.postings, r.lexemes],
      [this.head, this.headPostings, r.head_lexemes],
      [this.title, this.titlePostings, r.title_lexemes],
    ];
    for (const [lists, postings, text] of texts) {
      const doc = this.lexemeIds(text);
      if (!isNew && lists.equals(slot, doc)) continue;
      if (!isNew) for (const lex of lists.list(slot)) postings.remove(lex, slot);
      lists.set(slot, doc);
      for (const lex of doc) postings.add(lex, slot);
    }
    const d = this.dict;
    const sets = this.sets;
    this.alive[slot] = 1;
    this.live[slot >>> 5]! |= 1 << (slot & 31);
    sets.kind.put(slot, [d.kind.code(r.kind)], isNew);
    sets.format.put(slot, [(this.format[slot] = d.format.code(r.format))], isNew);
    sets.leadership.put(slot, [d.leadership.code(r.leadership)], isNew);
    sets.delivery.put(slot, [(this.delivery[slot] = d.delivery.code(r.delivery))], isNew);
    sets.cost.put(slot, [d.cost.code(r.cost_type)], isNew);
    this.price[slot] = Number(r.price_cents);
    sets.insurance.put(slot, [r.insurance_receipts ? 1 : 0], isNew);
    sets.language.put(slot, list(r.languages).map((v) => d.language.code(v)), isNew);
    sets.topic.put(slot, list(r.topic_ids).map((v) => d.topic.code(v)), isNew);
    sets.access.put(slot, list(r.accessibility).map((v) => d.access.code(v)), isNew);
    sets.faith.put(slot, [d.faith.code(r.faith)], isNew);
    sets.gender.put(slot, [d.gender.code(r.gender)], isNew);
    this.ageMin[slot] = num(r.age_min);
    this.ageMax[slot] = num(r.age_max);
    sets.day.put(slot, bitIndexes(Number(r.days)), isNew);
    sets.time.put(slot, bitIndexes(Number(r.times)), isNew);
    this.nextStart[slot] = num(r.next_start);
    this.starts.set(slot, r.starts ? list(r.starts).map(Number) : []);
    this.seatsUntil[slot] = num(r.seats_until);
    this.latitude[slot] = num(r.latitude);
    this.longitude[slot] = num(r.longitude);
    this.publishedAt[slot] = num(r.published_at);
    this.verified[slot] = r.org_verified ? 1 : 0;
  }

  remove(groupId: string): void {
    const slot = this.slotOf.get(groupId);
    if (slot === undefined) return;
    this.version++;
    for (const [lists, postings] of [
      [this.document, this.postings],
      [this.head, this.headPostings],
      [this.title, this.titlePostings],
    ] as const) {
      for (const lex of lists.list(slot)) postings.remove(lex, slot);
      lists.clear(slot);
    }
    this.starts.clear(slot);
    this.slotOf.delete(groupId);
    this.alive[slot] = 0;
    this.live[slot >>> 5]! &= ~(1 << (slot & 31));
    for (const sets of Object.values(this.sets)) sets.drop(slot);
    this.free.push(slot);
  }
}

async function loadTopics(db: Database): Promise<Map<string, string>> {
  const list = await rows<{ id: string; slug: string }>(db, sql`select id, slug from topics`);
  return new Map(list.map((t) => [t.slug, t.id]));
}

/** How the copy is read: in ranges of `batch` rows, `ahead` of them asked for at once (a test reads many small ones). */
export interface LoadOptions {
  batch?: number;
  ahead?: number;
}

/**
 * Reads every search row, in ranges of group ids of `batch` rows each, `ahead` ranges asked for
 * before the one being taken in: the database reads and sends them (on other connections, on
 * PostgreSQL) while this process codes the rows. A row added meanwhile falls in one of the ranges
 * (the last one is open) or is announced and read again (SearchIndex).
 */
async function loadAll(db: Database, { batch = 2_000, ahead = 3 }: LoadOptions = {}): Promise<SearchData> {
  const data = new SearchData();
  const [topics, bounds] = await Promise.all([
    loadTopics(db),
    rows<{ id: string }>(
      db,
      sql`select group_id as id from (select group_id, row_number() over (order by group_id) as n from group_search) x
          where n % ${batch} = 0 order by group_id`,
    ),
  ]);
  data.topicIds = topics;
  const edges = [null, ...bounds.map((b) => b.id), null];
  const fetchRange = (i: number) =>
    rows<RawRow>(
      db,
      sql`select ${COLUMNS} from group_search gs
          where ${edges[i] ? sql`gs.group_id > ${edges[i]}::uuid` : sql`true`} and ${edges[i + 1] ? sql`gs.group_id <= ${edges[i + 1]}::uuid` : sql`true`}
          order by gs.group_id`,
    );
  const ranges = edges.length - 1;
  const asked: Promise<RawRow[]>[] = [];
  const ask = (i: number) => {
    if (i >= ranges) return;
    asked[i] = fetchRange(i);
    // A failed read is awaited in turn below; until then it must not count as unhandled.
    asked[i].catch(() => {});
  };
  for (let i = 0; i < ahead; i++) ask(i);
  for (let i = 0; i < ranges; i++) {
    const page = await asked[i]!;
    ask(i + ahead);
    for (const r of page) data.upsert(r);
  }
  for (const lists of [data.starts, data.document, data.title, data.head]) lists.fit();
  return data;
}

/**
 * The index of one database: loads every row, then keeps up through the notification channel.
 * `data()` answers the freshest copy it has (after fetching the groups announced since the last
 * search), or null while the first load runs.
 */
export class SearchIndex {
  private current: SearchData | null = null;
  private pending = new Set<string>();
  private reloadWanted = false;
  private reloading: Promise<void> | null = null;
  /** Ids announced while a full reload runs: fetched again once it is in place. */
  private duringReload: Set<string> | null = null;
  private applying: Promise<void> | null = null;
  private listener: Listener | null = null;
  private closed = false;
  /** How many searches this index answered. */
  searches = 0;

  constructor(
    private readonly db: Database,
    private readonly options: LoadOptions = {},
  ) {}

  /** Starts listening, then loads every row. Resolves when the index can answer. */
  async open(): Promise<this> {
    this.listener = await listen(
      this.db,
      SEARCH_CHANNEL,
      (payload) => this.announce(payload === '*' ? 'all' : payload.split(',').filter(Boolean)),
      () => this.announce('all'),
      'cercle-search-listener',
    );
    await this.reload();
    return this;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.close();
    await this.reloading?.catch(() => {});
    await this.applying?.catch(() => {});
  }

  /** Marks groups whose search rows changed (or all of them) to be read again. */
  announce(ids: readonly string[] | 'all'): void {
    if (ids === 'all') {
      this.reloadWanted = true;
      return;
    }
    for (const id of ids) {
      this.pending.add(id);
      this.duringReload?.add(id);
    }
  }

  private reload(): Promise<void> {
    this.reloadWanted = false;
    this.duringReload = new Set();
    const run = loadAll(this.db, this.options).then(
      (data) => {
        if (!this.closed) this.current = data;
        for (const id of this.duringReload ?? []) this.pending.add(id);
      },
      (err) => {
        this.reloadWanted = true;
        throw err;
      },
    );
    this.reloading = run.finally(() => {
      this.duringReload = null;
      this.reloading = null;
    });
    return this.reloading;
  }

  private applyPending(): Promise<void> {
    if (this.applying) return this.applying;
    const run = async () => {
      while (this.pending.size && this.current) {
        const ids = [...this.pending];
        this.pending.clear();
        const data = this.current;
        try {
          const [found, topics] = await Promise.all([
            rows<RawRow>(this.db, sql`select ${COLUMNS} from group_search gs where gs.group_id = any(${`{${ids.join(',')}}`}::uuid[])`),
            loadTopics(this.db),
          ]);
          const seen = new Set<string>();
          for (const r of found) {
            data.upsert(r);
            seen.add(r.group_id);
          }
          for (const id of ids) if (!seen.has(id)) data.remove(id);
          data.topicIds = topics;
          data.version++;
        } catch (err) {
          for (const id of ids) this.pending.add(id);
          throw err;
        }
      }
    };
    this.applying = run().finally(() => {
      this.applying = null;
    });
    return this.applying;
  }

  /**
   * The rows as of now, or null when the index cannot answer (the caller asks the database): before
   * the first load completes, and while a full reload runs.
   */
  async data(): Promise<SearchData | null> {
    if (this.reloadWanted && !this.reloading && !this.closed) {
      this.reload().catch((err: Error) => console.error('Search index: reload failed:', err.message));
    }
    if (this.reloading || !this.current) return null;
    if (this.pending.size || this.applying) await this.applyPending();
    return this.current;
  }

  /** Groups in the index (0 before the first load). */
  get size(): number {
    return this.current?.count ?? 0;
  }
}

const indexes = new Map<Database, SearchIndex>();

/** Builds and attaches an in-process index to `db`: searches through `db` then use it. */
export async function attachSearchIndex(db: Database, options: LoadOptions = {}): Promise<SearchIndex> {
  const existing = indexes.get(db);
  if (existing) return existing;
  const index = new SearchIndex(db, options);
  indexes.set(db, index);
  try {
    return await index.open();
  } catch (err) {
    indexes.delete(db);
    await index.close().catch(() => {});
    throw err;
  }
}

export async function detachSearchIndex(db: Database): Promise<void> {
  const index = indexes.get(db);
  indexes.delete(db);
  await index?.close();
}

export function searchIndexFor(db: Database): SearchIndex | undefined {
  return indexes.get(db);
}

/**
 * Tells the indexes of this process at once that search rows changed (the notification channel
 * tells every process, this one included, once the change is committed).
 */
export function announceSearchChange(ids: readonly string[] | 'all'): void {
  for (const index of indexes.values()) index.announce(ids);
}
