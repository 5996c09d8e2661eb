import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { seedIfEmpty } from '../../db/seed';
import { createContext } from '../context';
import { findGroups } from './find-groups';
import { findAlternatives } from './alternatives';
import { attachSearchIndex, detachSearchIndex } from './search-index';
import type { FindGroupsInput } from './search-input';

// The demo data searched the way people describe what happened to them (issue 13): sentences,
// no accents, typos, in English and French — through both engines.
const NOW = new Date();
let t: TestDatabase;
/** The groups tagged with each topic (or a sub-topic of it). */
const taggedWith = new Map<string, Set<string>>();

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  await seedIfEmpty(t.db, { now: NOW });
  for (const topic of ['grief-loss-of-a-partner', 'grief-pregnancy-and-infant-loss', 'addiction-alcohol']) {
    const r = await findGroups({ ctx: createContext(t.db, { now: NOW }), input: { topic: [topic], perPage: 100, facets: false } });
    taggedWith.set(topic, new Set(r.results.map((g) => g.id)));
  }
}, 120_000);
afterAll(async () => {
  await detachSearchIndex(t.db);
  await t.close();
});

describe.each(['database', 'in-memory index'] as const)('people’s own words, through the %s', (mode) => {
  beforeAll(async () => {
    if (mode === 'in-memory index') await attachSearchIndex(t.db);
  });
  const find = (input: FindGroupsInput, locale: 'en' | 'fr' = 'en') =>
    findGroups({ ctx: createContext(t.db, { now: NOW, locale }), input: { perPage: 50, ...input } });
  /** How many groups tagged with `topic` there are, and whether they are exactly the first results. */
  const tagged = (slugs: string[], topic: string) => {
    const set = taggedWith.get(topic)!;
    return { count: set.size, first: slugs.slice(0, set.size).every((s) => set.has(s)) };
  };

  it('finds every group for the loss of a partner from "lost my husband", tagged ones first', async () => {
    const r = await find({ q: 'lost my husband' });
    expect(r.understood).toEqual({ topics: ['grief-loss-of-a-partner'], kinds: [], crisis: false });
    const { count, first } = tagged(r.results.map((g) => g.id), 'grief-loss-of-a-partner');
    expect(count).toBeGreaterThanOrEqual(6);
    expect(r.total).toBeGreaterThanOrEqual(count);
    expect(first).toBe(true);
  });

  it('finds pregnancy and infant loss from "my baby died", and alcohol from "drinking problem"', async () => {
    const baby = await find({ q: 'my baby died' });
    expect(tagged(baby.results.map((g) => g.id), 'grief-pregnancy-and-infant-loss')).toMatchObject({ first: true });
    expect(baby.total).toBeGreaterThanOrEqual(2);
    const drink = await find({ q: 'drinking problem' });
    const alcohol = tagged(drink.results.map((g) => g.id), 'addiction-alcohol');
    expect(alcohol.count).toBeGreaterThanOrEqual(3);
    expect(alcohol.first).toBe(true);
  });

  it('reads French, without accents, and typos in any word', async () => {
    const r = await find({ q: "j'ai perdu mon mari" }, 'fr');
    expect(r.understood?.topics).toEqual(['grief-loss-of-a-partner']);
    expect(tagged(r.results.map((g) => g.id), 'grief-loss-of-a-partner').first).toBe(true);
    const noAccents = await find({ q: 'fausse couche bebe' }, 'fr');
    expect(tagged(noAccents.results.map((g) => g.id), 'grief-pregnancy-and-infant-loss').first).toBe(true);
    // A typo in a word that is in no title, read as the real word of a description.
    const typo = await find({ q: 'anxeity', literal: true });
    expect(typo.correctedQuery).toBe('anxiety');
    expect(typo.total).toBeGreaterThan(0);
  });

  it('ranks by how much of the query a group matches instead of finding nothing', async () => {
    // No group holds every one of these words; groups holding the rare ones come first.
    const r = await find({ q: 'grief walking zebra', literal: true });
    expect(r.understood).toEqual({ topics: [], kinds: [], crisis: false });
    expect(r.total).toBeGreaterThan(0);
    const top = r.results[0]!;
    expect(`${top.title.en} ${top.title.fr}`.toLowerCase()).toMatch(/walk|marche/);
  });

  it('searches only the words typed when asked to', async () => {
    const read = await find({ q: 'widow' });
    const words = await find({ q: 'widow', literal: true });
    expect(read.understood?.topics).toEqual(['grief-loss-of-a-partner']);
    expect(words.understood?.topics).toEqual([]);
    expect(read.total).toBeGreaterThan(words.total);
  });

  it('never ends in nothing: offers the broader topic, online groups and the other language, each with its count', async () => {
    const ctx = createContext(t.db, { now: NOW });
    const alternatives = async (input: FindGroupsInput) => {
      const r = await find(input);
      expect(r.total).toBe(0);
      return findAlternatives({ ctx, input, result: r });
    };
    // No workshop for the loss of a partner in Montréal: the grief workshops there are offered.
    const montreal = { kind: ['workshop' as const], near: 'Montreal', radiusKm: 25, delivery: ['in_person' as const] };
    const wider = await alternatives({ q: 'lost my husband', ...montreal });
    const grief = await find({ topic: ['grief'], ...montreal });
    expect(grief.total).toBeGreaterThan(0);
    expect(wider.broader).toEqual([{ topic: 'grief', total: grief.total }]);
    // None in French: the English ones are counted.
    const english = await find({ q: 'lost my husband', kind: ['group_therapy'], lang: ['en'] });
    expect(english.total).toBeGreaterThan(0);
    expect((await alternatives({ q: 'lost my husband', kind: ['group_therapy'], lang: ['fr'] })).otherLanguage).toEqual({ lang: 'en', total: english.total });
    // Nothing in person near Halifax: online groups, wherever one is.
    const online = await find({ q: 'drinking problem', delivery: ['online'] });
    expect(online.total).toBeGreaterThan(0);
    const far = await alternatives({ q: 'drinking problem', near: 'Halifax', radiusKm: 5, delivery: ['in_person'] });
    expect(far.online).toBe(online.total);
    expect(far.otherLanguage).toBeNull();
  });

  it('hears a crisis in the words, whatever else they find', async () => {
    expect((await find({ q: 'I want to die' })).understood?.crisis).toBe(true);
    expect((await find({ q: 'je veux mourir' }, 'fr')).understood?.crisis).toBe(true);
    expect((await find({ q: 'je veux mourir', literal: true }, 'fr')).understood?.crisis).toBe(true);
    expect((await find({ q: 'my brother killed himself' })).understood?.crisis).toBe(false);
  });
});
