import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ParsedMail } from 'mailparser';
import { openPostgres, migrateDatabase } from '../../db/client';
import { atWallClock, createOpenSession } from '../support/factories';
import { emailedLink, startSmtpReceiver, type SmtpReceiver } from '../support/smtp';
import { participants } from '../../db/schema';
import { scratchPostgres } from '../support/db';
import { startServer, type RunningServer } from './server-process';

// Seats and waitlist order must hold with several app processes on one PostgreSQL. PGlite is
// a single connection and would prove nothing, so this runs only with TEST_DATABASE_URL (CI has it).
const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)('three app processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
  const url = () => database!.url;
  let smtp: SmtpReceiver;
  let servers: RunningServer[] = [];
  let sessionId = '';

  beforeAll(async () => {
    database = await scratchPostgres(base!, 'cercle_conc');
    const handle = await openPostgres(url());
    await migrateDatabase(handle);
    const { session } = await createOpenSession(atWallClock(handle.db), { sessionCapacity: 20, titleEn: 'Concurrency circle' });
    sessionId = session.id;
    // People who confirmed their address before (decision 0010), so that the waitlist moves at once.
    await handle.db.insert(participants).values(Array.from({ length: 300 }, (_, i) => ({ email: `load${i}@example.org`, emailConfirmedAt: new Date() })));
    await handle.close();
    smtp = await startSmtpReceiver();
    // No SECRET_KEY: the processes must share the key they generate in the database. Every sign-up
    // here comes from one address (a load test): the per-address limits are off.
    servers = await Promise.all(
      [0, 1, 2].map(() =>
        startServer({ DATABASE_URL: url(), SEED_DEMO: 'false', SMTP_URL: smtp.url, WORKER_INTERVAL_MS: '200', DATABASE_POOL_SIZE: '8', RATE_LIMITS: 'false' }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await smtp?.stop();
    await database?.drop();
  });

  it('sells exactly 20 seats out of 300 concurrent sign-ups, waitlists 280 in order, and promotes on cancellation', async () => {
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`${servers[i % 3]!.url}/api/v1/sessions/${sessionId}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Person ${i}`, email: `load${i}@example.org`, consent: true }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as { status: string } })),
      ),
    );
    // Every answer is the same; what each person got is in the database and their email.
    expect(responses.filter((r) => r.status !== 202 || r.body.status !== 'check_email')).toEqual([]);

    const db = new pg.Client({ connectionString: url() });
    db.on('error', () => {}); // the database is dropped at the end, even after a failure
    await db.connect();
    type Row = { id: string; status: string; ticket: number | null; email: string };
    const { rows } = await db.query<Row>(
      `select r.id, r.status::text as status, r.waitlist_position as ticket, p.email
         from registrations r join participants p on p.id = r.participant_id where r.session_id = $1`,
      [sessionId],
    );
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const waitlisted = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.ticket! - b.ticket!);
    expect(confirmed).toHaveLength(20);
    expect(waitlisted.map((r) => r.ticket)).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));

    // Cancel five confirmed places, each through a different process than the one that sold it,
    // with the link each person was emailed.
    await smtp.waitFor(300, 60_000);
    const linkOf = (email: string) => emailedLink(smtp.messages.find((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text === email)!, 'en');
    const cancelled = confirmed.slice(0, 5);
    const cancelResults = await Promise.all(
      cancelled.map((r, i) =>
        fetch(`${servers[(i + 1) % 3]!.url}/api/v1/registrations/${r.id}/cancel`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: linkOf(r.email).split('/').pop() }),
        }).then((res) => res.status),
      ),
    );
    expect(cancelResults).toEqual([200, 200, 200, 200, 200]);
    const firstFive = waitlisted.slice(0, 5);
    const promoted = await db.query(`select id from registrations where promoted_at is not null order by id`);
    expect(promoted.rows.map((r: { id: string }) => r.id)).toEqual(firstFive.map((r) => r.id).sort());
    const after = await db.query(`select status, count(*)::int as n from registrations where session_id = $1 group by status order by status::text`, [sessionId]);
    expect(after.rows).toEqual([
      { status: 'cancelled', n: 5 },
      { status: 'confirmed', n: 20 },
      { status: 'waitlisted', n: 275 },
    ]);
    await db.end();

    // Every message arrives once: 300 sign-up emails, 5 cancellations, 5 promotions.
    await smtp.waitFor(310, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // any duplicate would arrive in this time
    expect(smtp.messages).toHaveLength(310);
    const template = (m: ParsedMail) => m.headers.get('x-cercle-template');
    const promotedTo = smtp.messages
      .filter((m) => template(m) === 'registration_promoted')
      .map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text)
      .sort();
    expect(promotedTo).toEqual(firstFive.map((r) => r.email).sort());
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(310);
  });
});
