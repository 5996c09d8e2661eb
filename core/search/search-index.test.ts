import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testEngine, type TestDatabase } from '../../tests/support/db';
import { createGroup, createSession } from '../../tests/support/factories';
import { generateGroups } from '../../bench/search-data';
import { createContext } from '../context';
import { findGroups } from './find-groups';
import { refreshGroupSearch } from './refresh-group-search';
import { attachSearchIndex, detachSearchIndex, searchIndexFor, SEARCH_CHANNEL, type SearchIndex } from './search-index';
import { needsPositions, parseTsQuery, TsQuerySyntaxError } from './tsquery';
import type { FindGroupsInput } from './search-input';
import { rows } from './rows';

describe('reading a text-search query', () => {
  it('parses lexemes, operators and their binding', () => {
    expect(parseTsQuery("'grief' | 'deuil' & !'online'")).toEqual({
      op: 'or',
      left: { op: 'lexeme', lexeme: 'grief', suffix: '' },
      right: { op: 'and', left: { op: 'lexeme', lexeme: 'deuil', suffix: '' }, right: { op: 'not', arg: { op: 'lexeme', lexeme: 'online', suffix: '' } } },
    });
    expect(parseTsQuery("( 'a' | 'b' ) & 'c'")).toMatchObject({ op: 'and', left: { op: 'or' } });
    expect(parseTsQuery("'it''s' & 'back\\\\slash'")).toMatchObject({ left: { lexeme: "it's" }, right: { lexeme: 'back\\slash' } });
  });

  it('reads the same word twice as once, and nothing as no query', () => {
    expect(parseTsQuery("'grief' | 'grief'")).toEqual({ op: 'lexeme', lexeme: 'grief', suffix: '' });
    expect(parseTsQuery('')).toBeNull();
  });

  it('leaves phrases, prefixes and weights to the database', () => {
    expect(needsPositions(parseTsQuery("'support' <-> 'group'")!)).toBe(true);
    expect(needsPositions(parseTsQuery("'a' <2> 'b' | 'c'")!)).toBe(true);
    expect(needsPositions(parseTsQuery("'gri':*")!)).toBe(true);
    expect(needsPositions(parseTsQuery("'grief' & !'loss'")!)).toBe(false);
  });

  it('refuses what is not a query', () => {
    expect(() => parseTsQuery("'open")).toThrow(TsQuerySyntaxError);
    expect(() => parseTsQuery("'a' &")).toThrow(TsQuerySyntaxError);
    expect(() => parseTsQuery("( 'a'")).toThrow(TsQuerySyntaxError);
  });
});

// The in-memory search against the database's, on a few hundred generated groups of every kind.
const NOW = new Date();
let t: TestDatabase;
let index: SearchIndex;

/** A search through the database (no index attached) and through the index. */
async function both(input: FindGroupsInput, now = NOW) {
  const ctx = createContext(t.db, { now });
  await detachSearchIndex(t.db);
  const database = await findGroups({ ctx, input });
  index = await attachSearchIndex(t.db);
  const before = index.searches;
  const memory = await findGroups({ ctx, input });
  expect(index.searches, 'the index answered').toBe(before + 1);
  return { database, memory };
}

const slugs = (r: Awaited<ReturnType<typeof findGroups>>) => r.results.map((g) => g.slug);

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  await generateGroups(t.db, 300, () => {}, NOW);
  index = await attachSearchIndex(t.db);
}, 120_000);
afterAll(async () => {
  await detachSearchIndex(t.db);
  await t.close();
});

describe('the in-memory index answers as the database does', () => {
  const CASES: FindGroupsInput[] = [
    {},
    { sort: 'newest', perPage: 50 },
    { page: 3, perPage: 7 },
    { kind: ['support_group', 'workshop'] },
    { format: ['closed'], leadership: ['professional', 'licensed'] },
    { delivery: ['online'] },
    { topic: ['grief'], open: true },
    { lang: ['fr'], cost: ['free', 'pay_what_you_can'] },
    { insurance: true, maxPrice: 40 },
    { day: ['tu', 'we'], time: ['evening'] },
    { age: 17 },
    { audience: ['women', 'women_and_nonbinary'] },
    { access: ['step_free'] },
    { access: ['step_free', 'asl'] },
    { startsWithin: 7 },
    { startsWithin: 21, format: ['drop_in'] },
    { open: false },
    { near: 'Ottawa', radiusKm: 50 },
    { near: 'Toronto', radiusKm: 100, sort: 'distance', perPage: 40 },
    { lat: 45.5, lon: -73.57, radiusKm: 25, kind: ['workshop'], sort: 'soonest' },
    { near: 'Montreal', radiusKm: 30, delivery: ['in_person', 'hybrid'], sort: 'distance' },
    { q: 'grief', sort: 'soonest', perPage: 100 },
    { q: 'deuil périnatal', sort: 'newest' },
    { q: 'anxeity', sort: 'soonest' },
    { q: 'grief -online', sort: 'soonest' },
    { q: 'recovery OR dépression', lang: ['fr'], sort: 'soonest' },
    { q: 'grief', delivery: ['in_person'], cost: ['free'], sort: 'soonest' },
    // Words read as topics and kinds, ranked by how much of the query each group matches.
    { q: 'lost my husband', perPage: 50 },
    { q: 'my husband drinks too much', lang: ['fr'] },
    { q: 'talk to a therapist about anxiety', perPage: 60 },
    { q: 'grief walk gathering ottawa', perPage: 40 },
    { q: 'greif support', literal: true, perPage: 30 },
    // Nothing matches: both say which filter to drop.
    { q: 'grief', kind: ['group_therapy'], leadership: ['peer'], near: 'Halifax', radiusKm: 5, delivery: ['in_person'] },
  ];

  it.each(CASES.map((c) => [JSON.stringify(c), c] as const))('%s', async (_, input) => {
    const { database, memory } = await both(input);
    expect(memory.total).toBe(database.total);
    expect(memory.facets).toEqual(database.facets);
    expect(memory.suggestions).toEqual(database.suggestions);
    expect(slugs(memory)).toEqual(slugs(database));
    expect(memory.results.map((g) => g.distanceKm)).toEqual(database.results.map((g) => g.distanceKm));
  });

  it('answers the same when its copy was read in many small ranges, several at once', async () => {
    const ctx = createContext(t.db, { now: NOW });
    const inputs: FindGroupsInput[] = [{ perPage: 100 }, { q: 'grief', sort: 'soonest', perPage: 100 }, { near: 'Toronto', radiusKm: 100, sort: 'distance', perPage: 40 }];
    const whole = (await attachSearchIndex(t.db)).size;
    await detachSearchIndex(t.db);
    const database = [];
    for (const input of inputs) database.push(await findGroups({ ctx, input }));
    try {
      // The published groups in ranges of 37 (the last one open), three read ahead.
      const ranged = await attachSearchIndex(t.db, { batch: 37, ahead: 3 });
      expect(whole).toBeGreaterThan(37 * 5);
      expect(ranged.size).toBe(whole);
      for (const [i, input] of inputs.entries()) {
        const memory = await findGroups({ ctx, input });
        expect(memory.total).toBe(database[i]!.total);
        expect(memory.facets).toEqual(database[i]!.facets);
        expect(slugs(memory)).toEqual(slugs(database[i]!));
      }
    } finally {
      await detachSearchIndex(t.db);
      index = await attachSearchIndex(t.db);
    }
  });

  it('finds the same groups by relevance, title matches first (the words alone)', async () => {
    const { database, memory } = await both({ q: 'dementia', literal: true, perPage: 100 });
    expect(memory.total).toBe(database.total);
    expect(memory.total).toBeGreaterThan(2);
    expect(memory.total).toBeLessThanOrEqual(100);
    expect(new Set(slugs(memory))).toEqual(new Set(slugs(database)));
    // Every group with the word in its title comes before any without (the French titles say "démence",
    // another word: those groups match through their topic).
    const titled = memory.results.map((g) => /dementia/i.test(`${g.title.en ?? ''} ${g.title.fr ?? ''}`));
    expect(titled[0]).toBe(true);
    expect(titled.indexOf(false) === -1 || titled.lastIndexOf(true) < titled.indexOf(false)).toBe(true);
  });

  it('reads a word as its topic: groups tagged with it first, those that also say it in their title first of all', async () => {
    const { database, memory } = await both({ q: 'dementia', perPage: 100 });
    expect(memory.understood?.topics).toEqual(['health-conditions-dementia']);
    expect(slugs(memory)).toEqual(slugs(database));
    const tagged = await findGroups({ ctx: createContext(t.db, { now: NOW }), input: { topic: ['health-conditions-dementia'], perPage: 100 } });
    const isTagged = new Set(slugs(tagged));
    const order = memory.results.map((g) => isTagged.has(g.slug));
    expect(order.slice(0, isTagged.size).every(Boolean)).toBe(true);
    // Groups that only mention the word follow the tagged ones.
    expect(memory.total).toBeGreaterThan(isTagged.size);
    expect(/dementia/i.test(memory.results[0]!.title.en ?? '')).toBe(true);
  });

  it('leaves a quoted phrase to the database', async () => {
    const before = index.searches;
    const r = await findGroups({ ctx: createContext(t.db, { now: NOW }), input: { q: '"support group"' } });
    expect(index.searches).toBe(before);
    expect(r.total).toBeGreaterThan(0);
  });

  it('stays exact as time passes a start (cached counts included)', async () => {
    const first = await both({ startsWithin: 7, sort: 'soonest', perPage: 5 });
    const next = first.memory.results[0]!.nextSessionAt!;
    // Just after the soonest session began: it no longer counts as upcoming.
    const later = new Date(next.getTime() + 60_000);
    const { database, memory } = await both({ startsWithin: 7, sort: 'soonest', perPage: 5 }, later);
    expect(memory.total).toBe(database.total);
    expect(memory.facets).toEqual(database.facets);
    expect(slugs(memory)).toEqual(slugs(database));
  });
});

describe('keeping the index current', () => {
  const find = (input: FindGroupsInput) => findGroups({ ctx: createContext(t.db, { now: NOW }), input });

  it('sees a group published, changed and withdrawn in this process at once', async () => {
    index = await attachSearchIndex(t.db);
    const g = await createGroup(t, { slug: 'zz-fresh-listing', titleEn: 'Quokka appreciation circle', titleFr: null });
    await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() + 3 * 86_400_000) });
    await refreshGroupSearch(t.db, [g.id], NOW);
    expect(slugs(await find({ q: 'quokka' }))).toEqual(['zz-fresh-listing']);
    // Cached counts of an earlier search do not outlive the change.
    const before = (await find({ kind: ['support_group'] })).total;
    await t.db.execute(sql`update groups set kind = 'workshop', workshop_activity = 'art' where id = ${g.id}`);
    await refreshGroupSearch(t.db, [g.id], NOW);
    expect((await find({ kind: ['support_group'] })).total).toBe(before - 1);
    await t.db.execute(sql`update groups set status = 'draft' where id = ${g.id}`);
    await refreshGroupSearch(t.db, [g.id], NOW);
    expect((await find({ q: 'quokka' })).total).toBe(0);
    expect(searchIndexFor(t.db)?.searches).toBeGreaterThan(0);
  });

  it('hears a change made by another process through the notification channel', async () => {
    index = await attachSearchIndex(t.db);
    const [row] = await rows<{ id: string; has_seats: boolean }>(
      t.db,
      sql`select group_id as id, coalesce(seats_until > ${NOW.toISOString()}::timestamptz, false) as has_seats from group_search where format = 'drop_in' limit 1`,
    );
    const open = (await find({ open: true })).total;
    // What another app process does: change the row and announce it, without touching this one.
    const flipped = row!.has_seats ? null : new Date(NOW.getTime() + 86_400_000).toISOString();
    await t.db.execute(sql`update group_search set seats_until = ${flipped}::timestamptz where group_id = ${row!.id}`);
    await t.db.execute(sql`select pg_notify(${SEARCH_CHANNEL}, ${row!.id})`);
    const expected = row!.has_seats ? open - 1 : open + 1;
    await expect.poll(async () => (await find({ open: true })).total, { timeout: 5_000 }).toBe(expected);
    await refreshGroupSearch(t.db, [row!.id], NOW);
  });

  it('ignores a change that was rolled back', async () => {
    index = await attachSearchIndex(t.db);
    const [row] = await rows<{ id: string }>(t.db, sql`select group_id as id from group_search limit 1`);
    const before = await find({ perPage: 100, sort: 'newest' });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`update groups set status = 'draft' where id = ${row!.id}`);
        await refreshGroupSearch(tx as never, [row!.id], NOW);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const after = await find({ perPage: 100, sort: 'newest' });
    expect(after.total).toBe(before.total);
    expect(slugs(after)).toEqual(slugs(before));
  });

  it.runIf(testEngine() === 'postgres')('reloads everything after losing its listening connection', async () => {
    index = await attachSearchIndex(t.db);
    await find({});
    const [row] = await rows<{ id: string; slug: string }>(
      t.db,
      sql`select g.id, g.slug from groups g join group_search gs on gs.group_id = g.id where g.delivery = 'online' limit 1`,
    );
    await t.db.execute(sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'cercle-search-listener' and datname = current_database()`);
    // While nobody listens: a change whose notification is lost.
    await t.db.execute(sql`delete from group_search where group_id = ${row!.id}`);
    await expect
      .poll(async () => {
        const before = index.searches;
        const r = await find({ delivery: ['online'], perPage: 100 });
        return index.searches > before && !slugs(r).includes(row!.slug);
      }, { timeout: 10_000, interval: 200 })
      .toBe(true);
    await refreshGroupSearch(t.db, [row!.id], NOW);
    expect(slugs(await find({ delivery: ['online'], perPage: 100 }))).toContain(row!.slug);
  });
});
