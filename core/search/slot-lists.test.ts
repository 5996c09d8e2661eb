import { describe, expect, it } from 'vitest';
import { Postings, SlotLists } from './slot-lists';
import { CodeSets, size, slotsOf, wordsFor } from './bitset';

const slots = (set: Uint32Array) => {
  const out = new Int32Array(size(set));
  slotsOf(set, out);
  return [...out];
};

describe('the postings of a lexeme', () => {
  it('hold the same slots as a list and, once larger than a set of bits, as that set', () => {
    const words = wordsFor(256);
    const postings = new Postings(words);
    const expected = new Set<number>();
    // 8 words of bits: a list of more than 4 slots becomes a set.
    for (const s of [3, 200, 31, 32, 64, 255, 0]) {
      postings.add(7, s);
      expected.add(s);
      const into = new Uint32Array(words);
      postings.addTo(into, 7);
      expect(slots(into)).toEqual([...expected].sort((a, b) => a - b));
    }
    for (const s of [31, 255]) {
      postings.remove(7, s);
      expected.delete(s);
    }
    const into = new Uint32Array(words);
    postings.addTo(into, 7);
    postings.addTo(into, 8); // a lexeme nothing holds adds nothing
    postings.addTo(into, undefined);
    expect(slots(into)).toEqual([...expected].sort((a, b) => a - b));
  });

  it('keep their slots when the rows outgrow their sets', () => {
    const postings = new Postings(wordsFor(64));
    for (let s = 0; s < 64; s++) postings.add(1, s);
    postings.add(2, 5);
    postings.grow(wordsFor(128));
    postings.add(1, 100);
    postings.add(2, 101);
    const into = new Uint32Array(wordsFor(128));
    postings.addTo(into, 1);
    expect(size(into)).toBe(65);
    into.fill(0);
    postings.addTo(into, 2);
    expect(slots(into)).toEqual([5, 101]);
  });
});

describe("each slot's list", () => {
  it('reads back what each slot holds through changes, removals and compaction', () => {
    const lists = new SlotLists((n) => new Int32Array(n), 64);
    const held = new Map<number, number[]>();
    for (let round = 0; round < 600; round++) {
      const slot = (round * 7) % 64;
      if (round % 5 === 4) {
        lists.clear(slot);
        held.delete(slot);
      } else {
        const list = Array.from({ length: (round % 13) + 1 }, (_, i) => round * 100 + i);
        lists.set(slot, list);
        held.set(slot, list);
      }
    }
    lists.fit();
    for (let slot = 0; slot < 64; slot++) {
      const list = held.get(slot) ?? [];
      expect([...lists.list(slot)]).toEqual(list);
      expect(lists.equals(slot, list)).toBe(true);
      if (list.length) expect(lists.holds(slot, list.at(-1)!)).toBe(true);
      expect(lists.holds(slot, -1)).toBe(false);
    }
    // Room for more slots keeps what is there.
    lists.grow(128);
    lists.set(100, [1, 2]);
    expect([...lists.list(100)]).toEqual([1, 2]);
    expect([...lists.list(7)]).toEqual(held.get(7) ?? []);
  });
});

describe('the sets of a column', () => {
  it('move a slot from its old codes to its new ones, and select any or every code', () => {
    const sets = new CodeSets(wordsFor(64));
    sets.put(1, [0, 2], true);
    sets.put(2, [2], true);
    sets.put(40, [1, 2], true);
    sets.put(1, [1]);
    const into = new Uint32Array(wordsFor(64));
    sets.select(into, [0], false);
    expect(slots(into)).toEqual([]);
    sets.select(into, [1, 0], false);
    expect(slots(into)).toEqual([1, 40]);
    sets.select(into, [1, 2], true);
    expect(slots(into)).toEqual([40]);
    sets.select(into, [2, 9], true);
    expect(slots(into)).toEqual([]);
    sets.drop(40);
    sets.select(into, [2], false);
    expect(slots(into)).toEqual([2]);
  });
});
