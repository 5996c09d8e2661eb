import { copyInto, type CodeSets } from './bitset';

// The in-memory engine's conditions over the search rows (search-index.ts). A condition writes
// the rows it keeps into a set of bits (bitset.ts), cleared beforehand, one bit per slot: most
// are an OR or an AND of the sets the index keeps for each value of a column.

/** Writes into `keep` (all zero, a bit per slot) the rows the condition keeps. */
export type Condition = (keep: Uint32Array) => void;

/** The codes of the values a dictionary knows. */
export const codesOf = (dict: { find(v: string): number | undefined }, values: readonly string[]) => values.flatMap((v) => dict.find(v) ?? []);

/** Rows holding any of `codes` (every one of them with `all`). */
export const holds =
  (sets: CodeSets, codes: readonly number[], all = false): Condition =>
  (keep) =>
    sets.select(keep, codes, all);

/** Rows of a set worked out beforehand, or with `outside` the rows outside it. */
export const inSet =
  (set: Uint32Array, outside = false): Condition =>
  (keep) => {
    copyInto(keep, set);
    if (outside) for (let w = 0; w < keep.length; w++) keep[w] = ~keep[w]!;
  };

/** Rows among the first `n` slots for which `test` holds. */
export const where =
  (n: number, test: (slot: number) => boolean): Condition =>
  (keep) => {
    for (let s = 0; s < n; s++) if (test(s)) keep[s >>> 5]! |= 1 << (s & 31);
  };

/** Keeps no row (a value no row has, asked for with "every one of"). */
export const nothing: Condition = () => {};
