import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ParsedMail } from 'mailparser';
import { openPostgres, migrateDatabase } from '../../db/client';
import { atWallClock, createOpenSession } from '../support/factories';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp';
import { startServer, type RunningServer } from './server-process';

// Seats and waitlist order must hold with several app processes on one PostgreSQL. PGlite is
// a single connection and would prove nothing, so this runs only with TEST_DATABASE_URL (CI has it).
const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)('three app processes on one PostgreSQL', () => {
  const name = `cercle_conc_${randomBytes(5).toString('hex')}`;
  const url = () => {
    const u = new URL(base!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  let smtp: SmtpReceiver;
  let servers: RunningServer[] = [];
  let sessionId = '';

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const handle = await openPostgres(url());
    await migrateDatabase(handle);
    const { session } = await createOpenSession(atWallClock(handle.db), { sessionCapacity: 20, titleEn: 'Concurrency circle' });
    sessionId = session.id;
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
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('sells exactly 20 seats out of 300 concurrent sign-ups, waitlists 280 in order, and promotes on cancellation', async () => {
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`${servers[i % 3]!.url}/api/v1/sessions/${sessionId}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Person ${i}`, email: `load${i}@example.org`, consent: true }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as { id: string; status: string; position?: number; manage_url: string } })),
      ),
    );
    expect(responses.filter((r) => r.status !== 201)).toEqual([]);
    const confirmed = responses.filter((r) => r.body.status === 'confirmed');
    const waitlisted = responses.filter((r) => r.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(20);
    expect(waitlisted).toHaveLength(280);
    expect(waitlisted.map((r) => r.body.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));

    const db = new pg.Client({ connectionString: url() });
    db.on('error', () => {}); // the database is dropped at the end, even after a failure
    await db.connect();
    const counts = await db.query(`select status, count(*)::int as n from registrations where session_id = $1 group by status order by status::text`, [sessionId]);
    expect(counts.rows).toEqual([
      { status: 'confirmed', n: 20 },
      { status: 'waitlisted', n: 280 },
    ]);

    // Cancel five confirmed places, each through a different process than the one that sold it.
    const cancelled = confirmed.slice(0, 5);
    const cancelResults = await Promise.all(
      cancelled.map((r, i) =>
        fetch(`${servers[(i + 1) % 3]!.url}/api/v1/registrations/${r.body.id}/cancel`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: r.body.manage_url.split('/').pop() }),
        }).then((res) => res.status),
      ),
    );
    expect(cancelResults).toEqual([200, 200, 200, 200, 200]);
    const firstFive = waitlisted.filter((r) => r.body.position! <= 5).map((r) => r.body.id).sort();
    const promoted = await db.query(`select id from registrations where promoted_at is not null order by id`);
    expect(promoted.rows.map((r: { id: string }) => r.id)).toEqual(firstFive);
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
    const expectedTo = waitlisted
      .filter((r) => r.body.position! <= 5)
      .map((r) => `load${responses.indexOf(r)}@example.org`)
      .sort();
    expect(promotedTo).toEqual(expectedTo);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(310);
  });
});
