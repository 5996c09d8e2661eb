import { addSlot, widen } from './bitset';

// Two compact stores of the in-memory search (search-index.ts), so that 100,000 rows do not cost
// hundreds of thousands of small arrays: each row's lists (its lexemes, its starts) end to end in
// one array, and each lexeme's rows as a list while few rows hold it, as a set of bits once the
// list would be the larger of the two.

type Values = Int32Array | Float64Array;

/**
 * Each slot's list of numbers, end to end in one growable array. A slot's new list goes at the
 * end; the array is compacted when most of it is lists no slot holds any more.
 */
export class SlotLists<T extends Values> {
  values: T;
  /** Where each slot's list starts in `values`, and its length (0: none). */
  at = new Int32Array(0);
  length = new Int32Array(0);
  private used = 0;
  private stale = 0;

  constructor(
    private readonly make: (n: number) => T,
    slots: number,
  ) {
    this.values = make(1024);
    this.grow(slots);
  }

  /** Room for `slots` slots. */
  grow(slots: number): void {
    const at = new Int32Array(slots);
    at.set(this.at);
    const length = new Int32Array(slots);
    length.set(this.length);
    this.at = at;
    this.length = length;
  }

  list(slot: number): T {
    const at = this.at[slot]!;
    return this.values.subarray(at, at + this.length[slot]!) as T;
  }

  holds(slot: number, value: number): boolean {
    const { values } = this;
    for (let i = this.at[slot]!, end = i + this.length[slot]!; i < end; i++) if (values[i] === value) return true;
    return false;
  }

  /** Whether the slot's list is `list`, value for value. */
  equals(slot: number, list: ArrayLike<number>): boolean {
    const at = this.at[slot]!;
    if (this.length[slot] !== list.length) return false;
    for (let i = 0; i < list.length; i++) if (this.values[at + i] !== list[i]) return false;
    return true;
  }

  set(slot: number, list: ArrayLike<number>): void {
    this.clear(slot);
    if (this.stale > 1024 && this.stale * 2 > this.used) this.compact();
    if (this.used + list.length > this.values.length) this.resize(Math.max(Math.ceil(this.values.length * 1.5), this.used + list.length));
    this.values.set(list, this.used);
    this.at[slot] = this.used;
    this.length[slot] = list.length;
    this.used += list.length;
  }

  /** Drops the room beyond what the lists use now, but a sixteenth (once they are all in). */
  fit(): void {
    this.resize(this.used + (this.used >>> 4) + 16);
  }

  private resize(size: number): void {
    const values = this.make(size);
    values.set(this.values.subarray(0, this.used));
    this.values = values;
  }

  clear(slot: number): void {
    this.stale += this.length[slot]!;
    this.length[slot] = 0;
  }

  /** Copies every slot's list to a new array without the stale ones between them. */
  private compact(): void {
    const values = this.make(Math.max(1024, (this.used - this.stale) * 2));
    let used = 0;
    for (let slot = 0; slot < this.at.length; slot++) {
      const n = this.length[slot]!;
      if (n === 0) continue;
      values.set(this.values.subarray(this.at[slot]!, this.at[slot]! + n), used);
      this.at[slot] = used;
      used += n;
    }
    this.values = values;
    this.used = used;
    this.stale = 0;
  }
}

/**
 * For each lexeme, the slots whose text holds it: a list of slots while the list is smaller than a
 * set of bits of every slot, then that set.
 */
export class Postings {
  private readonly lists: (number[] | undefined)[] = [];
  private readonly sets: (Uint32Array | undefined)[] = [];

  constructor(private words: number) {}

  grow(words: number): void {
    widen(this.sets, words);
    this.words = words;
  }

  add(id: number, slot: number): void {
    const set = this.sets[id];
    if (set) return addSlot(set, slot);
    const list = (this.lists[id] ??= []);
    list.push(slot);
    // A list entry takes 8 bytes, a word of the set 4.
    if (list.length * 2 > this.words) {
      const next = new Uint32Array(this.words);
      for (const s of list) addSlot(next, s);
      this.sets[id] = next;
      this.lists[id] = undefined;
    }
  }

  remove(id: number, slot: number): void {
    const set = this.sets[id];
    if (set) {
      set[slot >>> 5]! &= ~(1 << (slot & 31));
      return;
    }
    const list = this.lists[id];
    const i = list ? list.lastIndexOf(slot) : -1;
    if (i < 0) return;
    list![i] = list![list!.length - 1]!;
    list!.pop();
  }

  /** Adds to `into` the slots holding lexeme `id`. */
  addTo(into: Uint32Array, id: number | undefined): void {
    if (id === undefined) return;
    const set = this.sets[id];
    if (set) {
      for (let w = 0; w < into.length; w++) into[w]! |= set[w]!;
      return;
    }
    for (const slot of this.lists[id] ?? []) addSlot(into, slot);
  }
}
