import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createOpenSession } from '../../tests/support/factories';
import { participants } from '../../db/schema';
import { createContext } from '../context';
import { registerForSession } from '../registrations/register-for-session';
import { getMyRegistrations } from './get-my-registrations';
import { manageToken } from './manage-link';

// Decision 0010: the person link, which only emails carry, proves that its holder controls the
// address.
const NOW = new Date('2026-12-06T12:00:00Z');
let t: TestDatabase;
const ctx = (now = NOW) => createContext(t.db, { now });
const confirmedAt = async (email: string) => (await t.db.select().from(participants).where(eq(participants.email, email)))[0]!.emailConfirmedAt;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('proof that a person controls their email address', () => {
  it('is given by opening the person link from an email, once', async () => {
    const { session } = await createOpenSession(t);
    const signed = await registerForSession({ ctx: ctx(), input: { sessionId: session.id, name: 'Pat', email: 'pat@example.org', consent: true } });
    expect(await confirmedAt('pat@example.org')).toBeNull();

    // The person link, which only emails carry.
    const later = new Date(NOW.getTime() + 600_000);
    await getMyRegistrations({ ctx: ctx(later), input: { token: manageToken(ctx().settings, signed.participantId) } });
    expect(await confirmedAt('pat@example.org')).toEqual(later);
    // Kept from the first time.
    await getMyRegistrations({ ctx: ctx(new Date(later.getTime() + 600_000)), input: { token: manageToken(ctx().settings, signed.participantId) } });
    expect(await confirmedAt('pat@example.org')).toEqual(later);
  });
});
