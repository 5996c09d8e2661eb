// Facet counts as sets of bits: Cercle's typed arrays of 32-bit words (core/search/bitset.ts)
// against the roaring bitmaps of `roaring-wasm`, on the same random sets — a search matching half
// of N rows, and 83 facet values (the values of the generated catalogue) of various densities.
// Prints the time of one search's facet counts each way (decision 0019).
//
//   npm run bench:bitsets [-- --rows 100000 --values 83 --rounds 50]
import { parseArgs } from 'node:util';
import { RoaringBitmap32, roaringLibraryInitialize } from 'roaring-wasm';
import { addSlot, filledWords, sizeOfBoth, wordsFor } from '../core/search/bitset';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, values: { type: 'string', default: '83' }, rounds: { type: 'string', default: '50' } },
});
const ROWS = Number(args.rows);
const VALUES = Number(args.values);
const ROUNDS = Number(args.rounds);

await roaringLibraryInitialize();
// A fixed generator, so that every run counts the same sets.
let seed = 42;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const rowsWith = (share: number) => Array.from({ length: ROWS }, (_, i) => i).filter(() => random() < share);

const passing = rowsWith(0.5);
const values = Array.from({ length: VALUES }, (_, i) => rowsWith(1 / (2 + (i % 7))));
const words = wordsFor(ROWS);
const asBits = (slots: number[]) => {
  const set = new Uint32Array(words);
  for (const s of slots) addSlot(set, s);
  return set;
};
const asRoaring = (slots: number[]) => {
  const bitmap = new RoaringBitmap32();
  bitmap.addMany(slots);
  return bitmap;
};
const passingBits = asBits(passing);
const valueBits = values.map(asBits);
const passingRoaring = asRoaring(passing);
const valueRoaring = values.map(asRoaring);

function time(count: () => number): { ms: number; total: number } {
  let total = 0;
  const started = performance.now();
  for (let r = 0; r < ROUNDS; r++) total = count();
  return { ms: Math.round(((performance.now() - started) / ROUNDS) * 100) / 100, total };
}

const at = new Int32Array(words);
for (let pass = 0; pass < 3; pass++) {
  const typed = time(() => {
    const filled = filledWords(passingBits, at);
    return valueBits.reduce((n, set) => n + sizeOfBoth(passingBits, set, at, filled), 0);
  });
  const roaring = time(() => valueRoaring.reduce((n, set) => n + passingRoaring.andCardinality(set), 0));
  if (typed.total !== roaring.total) throw new Error(`the counts differ: ${typed.total} and ${roaring.total}`);
  console.log(JSON.stringify({ rows: ROWS, values: VALUES, passing: passing.length, typedArraysMs: typed.ms, roaringWasmMs: roaring.ms }));
}
for (const bitmap of [passingRoaring, ...valueRoaring]) bitmap.dispose();
