import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createOpenSession } from '../../tests/support/factories';
import { createContext } from '../context';
import { exportRegistrantsCsv } from './export-registrants-csv';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('the registrants file name', () => {
  it.each([
    // Friday 11 December, 7 p.m. in Toronto: already Saturday in UTC.
    ['America/Toronto', '2026-12-12T00:00:00Z', '2026-12-11'],
    // 5 p.m. in Vancouver, 1 a.m. UTC the next day.
    ['America/Vancouver', '2026-12-05T01:00:00Z', '2026-12-04'],
    // 9 a.m. in Auckland is the evening before in UTC.
    ['Pacific/Auckland', '2026-12-09T20:00:00Z', '2026-12-10'],
  ])('carries the session’s date in the group’s zone (%s)', async (timeZone, startsAt, day) => {
    const { user, organizationId } = await createMember(t, 'owner');
    const { group, session } = await createOpenSession(t, { organizationId, timeZone }, { startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 90 * 60_000) });
    const out = await exportRegistrantsCsv({ ctx: createContext(t.db, { now: NOW, actor: { type: 'user', userId: user.id } }), input: { sessionId: session.id } });
    expect(out.filename).toBe(`${group.slug}-${day}.csv`);
  });
});
