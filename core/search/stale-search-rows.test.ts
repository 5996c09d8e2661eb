import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createOrganization, createSession, createTopic, tagGroup } from '../../tests/support/factories';
import { groupSearchHitJson } from '../../app/lib/api-serialize.server';
import { createContext } from '../context';
import { getGroup } from '../groups';
import { findGuideMatches, rankKinds } from '../guide';
import { refreshPassedSearch } from '../worker/refresh-passed-search';
import { findGroups } from './find-groups';
import { rows } from './rows';
import { attachSearchIndex, detachSearchIndex } from './search-index';
import type { FindGroupsInput } from './search-input';

// The search rows are written "as of" the refresh. Here the clock moves past a group's next
// session and past the last sign-up deadline of another, with no refresh in between: every
// surface must still tell the truth as of its own clock.

const REFRESHED = new Date('2027-03-13T20:00:00Z');
const hours = (h: number) => new Date(REFRESHED.getTime() + h * 3_600_000);
const LATER = hours(3);

let t: TestDatabase;
let topic: string;
let topicId: string;
const ids: Record<'weekly' | 'last', { id: string; slug: string }> = {} as never;

beforeAll(async () => {
  t = await createTestDatabase({ now: REFRESHED });
  const org = await createOrganization(t);
  ({ slug: topic, id: topicId } = await createTopic(t, { slug: 'stale-grief' }));
  const base = { organizationId: org.id, signupCutoffMinutes: 0, languages: ['en'] };
  // Next session in one hour, the one after in a week.
  const weekly = await createGroup(t, { ...base, titleEn: 'Weekly stale circle' });
  await createSession(t, { groupId: weekly.id, startsAt: hours(1) });
  await createSession(t, { groupId: weekly.id, startsAt: hours(24 * 7) });
  // Its only session is in two hours: once it has started, nothing is open.
  const last = await createGroup(t, { ...base, titleEn: 'Last stale circle' });
  await createSession(t, { groupId: last.id, startsAt: hours(2) });
  for (const g of [weekly, last]) await tagGroup(t, g.id, topicId);
  Object.assign(ids, { weekly, last });
});
afterAll(async () => {
  await t.close();
});

const at = (now: Date) => createContext(t.db, { now });
const search = (now: Date, input: FindGroupsInput = {}) => findGroups({ ctx: at(now), input: { topic: [topic], ...input } });
const nextOf = (list: { id: string; nextSessionAt: Date | null }[], id: string) => list.find((g) => g.id === id)?.nextSessionAt?.toISOString() ?? null;

describe.each(['database', 'in-memory index'] as const)('rows not refreshed since the clock moved on, searched through the %s', (mode) => {
  beforeAll(async () => {
    if (mode === 'in-memory index') await attachSearchIndex(t.db);
    else await detachSearchIndex(t.db);
  });
  afterAll(() => detachSearchIndex(t.db));

  it('never shows a session that has started as the next one, in results, sort, filters and the API', async () => {
    const before = await search(REFRESHED, { sort: 'soonest' });
    expect(before.results.map((g) => g.id)).toEqual([ids.weekly.id, ids.last.id]);
    expect(nextOf(before.results, ids.weekly.id)).toBe(hours(1).toISOString());

    const after = await search(LATER, { sort: 'soonest' });
    // The weekly group's next session is now next week: it sorts after nothing, and says so.
    expect(nextOf(after.results, ids.weekly.id)).toBe(hours(24 * 7).toISOString());
    expect(nextOf(after.results, ids.last.id)).toBeNull();
    expect(after.results.map((g) => g.id)).toEqual([ids.weekly.id, ids.last.id]);
    const json = after.results.map(groupSearchHitJson);
    expect(JSON.stringify(json)).not.toContain(hours(1).toISOString());

    // "Starts within a day" no longer holds for either; "has places" only for the weekly one.
    expect((await search(LATER, { startsWithin: 1 })).total).toBe(0);
    expect((await search(REFRESHED, { startsWithin: 1 })).total).toBe(2);
    expect((await search(LATER, { open: true })).results.map((g) => g.id)).toEqual([ids.weekly.id]);
    expect((await search(REFRESHED, { open: true })).total).toBe(2);
    const counted = await search(LATER);
    expect(counted.facets?.open).toMatchObject({ true: 1, false: 1 });
    expect((await search(REFRESHED)).facets?.open).toMatchObject({ true: 2 });
  });

  it('gives the guide the same truth', async () => {
    const ranking = rankKinds({ schedule: 'unpredictable' });
    const { matches } = await findGuideMatches({ ctx: at(LATER), ranking, input: { where: { topic }, options: 6, perOption: 10 } });
    const shown = matches.flatMap((m) => m.groups);
    expect(nextOf(shown, ids.weekly.id)).toBe(hours(24 * 7).toISOString());
    expect(nextOf(shown, ids.last.id)).toBeNull();
  });
});

describe('the group page at a later clock', () => {
  it('moves "next session" on and closes the sign-up of a session under way', async () => {
    // An hour into the first session (it lasts 90 minutes): still listed, no longer next or open.
    const during = await getGroup({ ctx: at(hours(2)), input: { ref: ids.weekly.slug } });
    expect(during.nextSessionAt?.toISOString()).toBe(hours(24 * 7).toISOString());
    expect(during.sessions.map((s) => [s.startsAt.toISOString(), s.signupOpen])).toEqual([
      [hours(1).toISOString(), false],
      [hours(24 * 7).toISOString(), true],
    ]);
    const after = await getGroup({ ctx: at(hours(4)), input: { ref: ids.last.slug } });
    expect(after.nextSessionAt).toBeNull();
    expect(after.sessions).toEqual([]);
  });
});

describe('the worker catches the rows up', () => {
  it('rebuilds each overtaken row once, after which the rows agree with the live answers', async () => {
    const rebuilt = await refreshPassedSearch(at(LATER));
    expect(rebuilt.sort()).toEqual([ids.weekly.id, ids.last.id].sort());
    expect(await refreshPassedSearch(at(LATER))).toEqual([]);
    const stored = await rows<{ id: string; next_start: Date | string | null; seats_until: Date | string | null }>(
      t.db,
      sql`select group_id as id, next_start, seats_until from group_search where group_id in (${ids.weekly.id}, ${ids.last.id})`,
    );
    const byId = Object.fromEntries(stored.map((r) => [r.id, r]));
    expect(new Date(byId[ids.weekly.id]!.next_start!).toISOString()).toBe(hours(24 * 7).toISOString());
    expect(byId[ids.last.id]!.next_start).toBeNull();
    expect(byId[ids.last.id]!.seats_until).toBeNull();
  });
});
