import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createMember, createSession, register } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { listUpcomingSessions, UPCOMING_PAGE_SIZE } from './list-upcoming-sessions';

const NOW = new Date('2026-11-27T15:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
const as = (userId: string): Context => createContext(t.db, { now: NOW, actor: { type: 'user', userId } });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('listUpcomingSessions', () => {
  it('lists every session not yet ended, soonest first, a page at a time, far beyond the next two weeks', async () => {
    const { user, organizationId } = await createMember(t, 'admin');
    const g = await createGroup(t, { organizationId });
    // One that has ended, one under way, then one a day for more than a page.
    await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() - DAY) });
    const underway = await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() - 30 * 60_000) });
    const total = UPCOMING_PAGE_SIZE + 5;
    const made = [underway];
    for (let i = 1; i < total; i++) made.push(await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() + i * DAY) }));
    await register(t, made[3]!.id, 'confirmed');

    const first = await listUpcomingSessions({ ctx: as(user.id), input: { groupId: g.id } });
    expect(first).toMatchObject({ page: 1, pages: 2, total, pageSize: UPCOMING_PAGE_SIZE });
    expect(first.sessions.map((s) => s.id)).toEqual(made.slice(0, UPCOMING_PAGE_SIZE).map((s) => s.id));
    expect(first.sessions[3]?.registrations).toBe(1);
    expect(first.sessions[4]?.registrations).toBe(0);

    const second = await listUpcomingSessions({ ctx: as(user.id), input: { groupId: g.id, page: 2 } });
    expect(second.sessions.map((s) => s.id)).toEqual(made.slice(UPCOMING_PAGE_SIZE).map((s) => s.id));
    // The last session, 54 days away, is reachable; a page past the end shows the last one.
    expect((await listUpcomingSessions({ ctx: as(user.id), input: { groupId: g.id, page: 9 } })).page).toBe(2);
  });

  it('is for the group’s organizers only', async () => {
    const { organizationId } = await createMember(t, 'admin');
    const g = await createGroup(t, { organizationId });
    const stranger = await createMember(t, 'owner');
    const err = await listUpcomingSessions({ ctx: as(stranger.user.id), input: { groupId: g.id } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe('not_found');
  });
});
