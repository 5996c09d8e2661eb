import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createContext } from '../context';
import { forgetSettledPayloads, OUTBOX_PAYLOAD_DAYS } from './forget-payloads';

const NOW = new Date('2026-12-07T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(() => t.close());

describe('forgetting the payloads of settled emails', () => {
  it(`empties the payload of messages sent or given up more than ${OUTBOX_PAYLOAD_DAYS} days ago, and keeps the rest`, async () => {
    const payload = { manageUrl: 'https://cercle.example.org/en/manage/secret-token', onlineLink: 'https://meet.example/abc' };
    const row = (key: string, over: Partial<typeof emailOutbox.$inferInsert>) => ({
      idempotencyKey: key,
      toEmail: `${key}@example.org`,
      locale: 'en' as const,
      template: 'registration_confirmed',
      payload,
      ...over,
    });
    await t.db.insert(emailOutbox).values([
      row('old-sent', { status: 'sent', sentAt: daysAgo(OUTBOX_PAYLOAD_DAYS + 1), nextAttemptAt: daysAgo(OUTBOX_PAYLOAD_DAYS + 1) }),
      row('recent-sent', { status: 'sent', sentAt: daysAgo(OUTBOX_PAYLOAD_DAYS - 1), nextAttemptAt: daysAgo(30) }),
      row('old-failed', { status: 'failed', nextAttemptAt: daysAgo(OUTBOX_PAYLOAD_DAYS + 2) }),
      // Not delivered yet, however old: its payload is what will be sent.
      row('old-pending', { status: 'pending', nextAttemptAt: daysAgo(40) }),
    ]);
    const ctx = createContext(t.db, { now: NOW });
    expect(await forgetSettledPayloads(ctx)).toBe(2);
    const after = await t.db.select().from(emailOutbox).orderBy(asc(emailOutbox.idempotencyKey));
    expect(after.map((r) => [r.idempotencyKey, Object.keys(r.payload).length])).toEqual([
      ['old-failed', 0],
      ['old-pending', 2],
      ['old-sent', 0],
      ['recent-sent', 2],
    ]);
    // What was sent, to whom and when stays.
    expect(after.find((r) => r.idempotencyKey === 'old-sent')).toMatchObject({ toEmail: 'old-sent@example.org', template: 'registration_confirmed', status: 'sent' });
    expect(await forgetSettledPayloads(ctx)).toBe(0);
  });
});
