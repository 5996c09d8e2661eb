import { createGroup, createUser, ONLINE_COMMUNITY } from './factories';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db';
import { createContext, type Context } from '../../core/context';
import { decideJoinRequest, requestToJoin } from '../../core/communities/membership';

// Online communities in tests: a published community, and people who asked and were approved.

/** A published online community (rules in both languages). */
export function createCommunity(t: TestDatabase, overrides: Parameters<typeof createGroup>[1] = {}) {
  return createGroup(t, { ...ONLINE_COMMUNITY, ...overrides });
}

/** A signed-in person's context at a moment. */
export const actingAs = (t: TestDatabase, userId: string, now: Date, locale: 'en' | 'fr' = 'en'): Context =>
  createContext(t.db, { now, locale, actor: { type: 'user', userId } });

/** A person who asked to join with a nickname and was approved by `moderatorId` at `now`. */
export async function joinedMember(t: TestDatabase, groupId: string, moderatorId: string, nick: string, now: Date, locale: 'en' | 'fr' = 'en') {
  const user = await createUser(t);
  const asked = await requestToJoin({ ctx: actingAs(t, user.id, now, locale), input: { community: groupId, nickname: nick, acceptRules: true } });
  if (asked.status === 'pending') await decideJoinRequest({ ctx: actingAs(t, moderatorId, now), input: { memberId: asked.memberId, decision: 'approve' } });
  return { ...user, memberId: asked.memberId };
}

/**
 * A test file's database for community tests at one moment: opened before its tests, closed after.
 * `db()` is the database; `as(userId)` a signed-in person's context at that moment.
 */
export function communityTestDatabase(now: Date) {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase({ now });
  });
  afterAll(async () => {
    await t?.close();
  });
  const db = () => {
    if (!t) throw new Error('the test database opens before the tests');
    return t;
  };
  return { db, as: (userId: string, at: Date = now) => actingAs(db(), userId, at) };
}
