import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createOpenSession } from '../../tests/support/factories';
import { createContext } from '../context';
import { registerForSession } from '../registrations/register-for-session';
import { refreshSeatSearch } from './refresh-seat-search';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe('refreshSeatSearch', () => {
  it('refreshes the search rows of groups whose registrations changed since the last pass', async () => {
    const now = new Date();
    const { group, session } = await createOpenSession(t.db, now, { sessionCapacity: 1 });
    const ctx = createContext(t.db, { now });
    expect(await refreshSeatSearch(ctx, now)).toEqual([]);
    await registerForSession({ ctx, input: { sessionId: session.id, name: 'A', email: 'a-seat@example.org', consent: true } });
    expect(await refreshSeatSearch(createContext(t.db), new Date(now.getTime() - 1000))).toEqual([group.id]);
  });
});
