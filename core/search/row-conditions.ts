import type { SetColumn } from './search-index';

// The in-memory engine's conditions over the columns of the search rows (search-index.ts). A
// condition sets its bit in `fail`, in one tight loop over a typed array, on every row it rejects.

/** Sets `bit` in `fail` for every row the condition rejects. */
export type Condition = (fail: Uint32Array, bit: number) => void;

/** A dictionary of a column's values: their codes. */
type Dictionary = { find(v: string): number | undefined; size: number };

/** A membership table over a dictionary's codes for the given values. */
export function allowed(dict: Dictionary, values: readonly string[]): Uint8Array {
  const out = new Uint8Array(Math.max(dict.size, 1));
  for (const v of values) {
    const c = dict.find(v);
    if (c !== undefined) out[c] = 1;
  }
  return out;
}

/** The codes of the values a dictionary knows. */
export const codesOf = (dict: Pick<Dictionary, 'find'>, values: readonly string[]) => values.flatMap((v) => dict.find(v) ?? []);

/** Rows whose code is in `table`. */
export const oneOf =
  (column: Uint8Array | Uint16Array, table: Uint8Array): Condition =>
  (fail, bit) => {
    for (let s = 0; s < fail.length; s++) if (!table[column[s]!]) fail[s]! |= bit;
  };

/** Rows whose value is `want`. */
export const equals =
  (column: Uint8Array, want: number): Condition =>
  (fail, bit) => {
    for (let s = 0; s < fail.length; s++) if (column[s] !== want) fail[s]! |= bit;
  };

/** Rows whose bit set shares a bit with `mask`. */
export const sharesBits =
  (column: Uint8Array, mask: number): Condition =>
  (fail, bit) => {
    for (let s = 0; s < fail.length; s++) if ((column[s]! & mask) === 0) fail[s]! |= bit;
  };

/** Rows holding any of `codes` (every one of them with `all`). */
export const holds =
  (column: SetColumn, codes: number[], all: boolean): Condition =>
  (fail, bit) => {
    const mask = column.mask(codes);
    const { words, width } = column;
    for (let s = 0; s < fail.length; s++) {
      let ok = all;
      if (all) {
        for (let w = 0; w < width && ok; w++) ok = (words[s * width + w]! & mask[w]!) === mask[w];
      } else {
        for (let w = 0; w < width && !ok; w++) ok = (words[s * width + w]! & mask[w]!) !== 0;
      }
      if (!ok) fail[s]! |= bit;
    }
  };

/** Rejects every row (a value no row has, asked for with "every one of"). */
export const nothing: Condition = (fail, bit) => {
  for (let s = 0; s < fail.length; s++) fail[s]! |= bit;
};
