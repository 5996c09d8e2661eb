import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createOpenSession } from '../../tests/support/factories';
import { createContext } from '../context';
import { registerForSession } from '../registrations/register-for-session';
import { refreshSeatSearch } from './refresh-seat-search';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('refreshSeatSearch', () => {
  it('refreshes the search rows of groups whose registrations changed since the last pass', async () => {
    const { group, session } = await createOpenSession(t, { sessionCapacity: 1 });
    const ctx = createContext(t.db, { now: NOW });
    expect(await refreshSeatSearch(ctx, NOW)).toEqual([]);
    await registerForSession({ ctx, input: { sessionId: session.id, name: 'A', email: 'a-seat@example.org', consent: true } });
    expect(await refreshSeatSearch(ctx, new Date(NOW.getTime() - 1000))).toEqual([group.id]);
  });
});
