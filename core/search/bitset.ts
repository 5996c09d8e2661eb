// Sets of row slots held as bits in 32-bit words (slot s is bit s & 31 of word s >>> 5): the
// in-memory search keeps one per value of every filtered column (search-index.ts), so that a
// filter is an OR or an AND of a few sets and a facet count is the popcount of an intersection
// (indexed-search.ts). At 100,000 rows a set is 3,125 words (12.5 KB).

/** Words needed to hold `n` slots. */
export const wordsFor = (n: number): number => (n + 31) >>> 5;

/** The number of bits set in a 32-bit word (measured faster here than a table of 16-bit counts). */
export function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function addSlot(set: Uint32Array, slot: number): void {
  set[slot >>> 5]! |= 1 << (slot & 31);
}

/** `into` becomes `into & other` (over `into`'s words). */
export function intersect(into: Uint32Array, other: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w]! &= other[w]!;
}

/** `into` becomes `into | other` (over `into`'s words). */
export function unite(into: Uint32Array, other: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w]! |= other[w]!;
}

/** `into` becomes a copy of the first words of `from`. */
export function copyInto(into: Uint32Array, from: Uint32Array): void {
  into.set(from.subarray(0, into.length));
}

/** How many slots a set holds. */
export function size(set: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < set.length; w++) n += popcount(set[w]!);
  return n;
}

/** The indexes of the words of `set` that hold a slot, into `out`; returns how many. */
export function filledWords(set: Uint32Array, out: Int32Array): number {
  let k = 0;
  for (let w = 0; w < set.length; w++) if (set[w] !== 0) out[k++] = w;
  return k;
}

/**
 * How many slots both sets hold, reading only the words `at[0..length)` (the others of `a` are
 * empty), or every word of `a` when most of them are listed.
 */
export function sizeOfBoth(a: Uint32Array, b: Uint32Array, at: Int32Array, length: number): number {
  let n = 0;
  if (length * 4 > a.length * 3) {
    for (let w = 0; w < a.length; w++) n += popcount(a[w]! & b[w]!);
    return n;
  }
  for (let i = 0; i < length; i++) {
    const w = at[i]!;
    n += popcount(a[w]! & b[w]!);
  }
  return n;
}

/** The slots of `set`, ascending, into `out`; returns how many. */
export function slotsOf(set: Uint32Array, out: Int32Array): number {
  let k = 0;
  for (let w = 0; w < set.length; w++) {
    for (let x = set[w]!; x !== 0; x &= x - 1) out[k++] = (w << 5) + 31 - Math.clz32(x & -x);
  }
  return k;
}

/** Gives every set of a list room for `words` words, keeping its slots. */
export function widen(sets: (Uint32Array | undefined)[], words: number): void {
  sets.forEach((set, i) => {
    if (!set) return;
    const next = new Uint32Array(words);
    next.set(set);
    sets[i] = next;
  });
}

/**
 * For each code of a column, the set of slots holding it (a row may hold several codes: topics,
 * languages, days). A code's set is made when a row first holds it.
 */
export class CodeSets {
  readonly sets: (Uint32Array | undefined)[] = [];
  constructor(private words: number) {}

  grow(words: number): void {
    widen(this.sets, words);
    this.words = words;
  }

  /** The slot holds exactly `codes` (`fresh`: it held none before). */
  put(slot: number, codes: readonly number[], fresh = false): void {
    if (!fresh) this.drop(slot);
    for (const c of codes) addSlot((this.sets[c] ??= new Uint32Array(this.words)), slot);
  }

  drop(slot: number): void {
    const w = slot >>> 5;
    const keep = ~(1 << (slot & 31));
    for (const set of this.sets) if (set) set[w]! &= keep;
  }

  /** Into `into` (cleared first), the slots holding any of `codes`, or every one of them with `all`. */
  select(into: Uint32Array, codes: readonly number[], all: boolean): void {
    if (all) {
      into.fill(0xffffffff);
      for (const c of codes) {
        const set = this.sets[c];
        if (!set) {
          into.fill(0);
          return;
        }
        intersect(into, set);
      }
      return;
    }
    into.fill(0);
    for (const c of codes) {
      const set = this.sets[c];
      if (set) unite(into, set);
    }
  }
}

/** The indexes of the bits set in a small mask (a row's days or times of day). */
export function bitIndexes(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; mask >>> i !== 0; i++) if ((mask >>> i) & 1) out.push(i);
  return out;
}
