import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgres, migrateDatabase } from '../../db/client';
import { atWallClock, createOpenSession } from '../support/factories';
import { scratchPostgres } from '../support/db';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp';
import { participants } from '../../db/schema';
import { startServer, type RunningServer } from './server-process';

// The server is killed (SIGKILL: no shutdown, no flushing) in the middle of a burst of sign-ups,
// while its worker is sending their emails; a new one starts on the same PostgreSQL. Nothing a
// person was told succeeded may be lost, no session may hold more people than its seats, and every
// email in the outbox reaches the (real) SMTP receiver, once per message.
const base = process.env.TEST_DATABASE_URL;
const PEOPLE = 150;
const SEATS = 25;

describe.skipIf(!base)('a crash in the middle of sign-ups', () => {
  let database: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
  const url = () => database!.url;
  let smtp: SmtpReceiver;
  let first: RunningServer | undefined;
  let second: RunningServer | undefined;
  let sessionId = '';
  const env = () => ({ DATABASE_URL: url(), SEED_DEMO: 'false', SMTP_URL: smtp.url, WORKER_INTERVAL_MS: '100', OUTBOX_LEASE_SECONDS: '3', RATE_LIMITS: 'false' });

  beforeAll(async () => {
    database = await scratchPostgres(base!, 'cercle_crash');
    const handle = await openPostgres(url());
    await migrateDatabase(handle);
    const { session } = await createOpenSession(atWallClock(handle.db), { sessionCapacity: SEATS, titleEn: 'Crash circle' });
    sessionId = session.id;
    // Addresses proven before: each sign-up is confirmed or waitlisted at once, with its email.
    await handle.db.insert(participants).values(Array.from({ length: PEOPLE }, (_, i) => ({ email: `crash${i}@example.org`, emailConfirmedAt: new Date() })));
    await handle.close();
    smtp = await startSmtpReceiver();
    first = await startServer(env());
  }, 120_000);

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await smtp?.stop();
    await database?.drop();
  });

  it('keeps every acknowledged sign-up, never overbooks, and delivers every queued email once', async () => {
    const server = first!;
    let answered = 0;
    let killed = false;
    const signUp = (i: number) =>
      fetch(`${server.url}/api/v1/sessions/${sessionId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Person ${i}`, email: `crash${i}@example.org`, consent: true }),
      })
        .then((res) => {
          answered++;
          // Killed once a third of the people had their answer: the rest are in flight.
          if (answered === Math.floor(PEOPLE / 3) && !killed) {
            killed = true;
            server.process.kill('SIGKILL');
          }
          return { i, status: res.status };
        })
        .catch(() => ({ i, status: 0 }));
    const results = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => signUp(i)));
    await new Promise((resolve) => (server.process.exitCode !== null || server.process.signalCode ? resolve(null) : server.process.once('exit', resolve)));
    expect(server.process.signalCode).toBe('SIGKILL');
    const acknowledged = results.filter((r) => r.status === 202).map((r) => r.i);
    expect(acknowledged.length).toBeGreaterThanOrEqual(Math.floor(PEOPLE / 3));
    expect(results.every((r) => r.status === 202 || r.status === 0)).toBe(true);

    // A new server on the same database.
    second = await startServer(env());
    const db = new pg.Client({ connectionString: url() });
    db.on('error', () => {});
    await db.connect();
    try {
      const { rows } = await db.query<{ email: string; status: string }>(
        `select p.email, r.status::text as status from registrations r join participants p on p.id = r.participant_id where r.session_id = $1`,
        [sessionId],
      );
      // Every sign-up that was answered 202 is there; no one holds a place twice.
      const registered = new Set(rows.map((r) => r.email));
      for (const i of acknowledged) expect(registered.has(`crash${i}@example.org`), `crash${i}`).toBe(true);
      expect(registered.size).toBe(rows.length);
      // The session holds at most its seats, and fills them before anyone waits.
      const confirmed = rows.filter((r) => r.status === 'confirmed').length;
      expect(confirmed).toBeLessThanOrEqual(SEATS);
      if (rows.length >= SEATS) expect(confirmed).toBe(SEATS);

      // Every queued email leaves, the killed worker's claimed batch included (after its lease).
      const deadline = Date.now() + 60_000;
      type Outbox = { id: string; status: string; message_id: string | null };
      let outbox: Outbox[] = [];
      for (;;) {
        outbox = (await db.query<Outbox>(`select id, status::text as status, message_id from email_outbox`)).rows;
        if (outbox.length > 0 && outbox.every((o) => o.status === 'sent')) break;
        if (Date.now() > deadline) throw new Error(`emails not all sent: ${JSON.stringify(outbox.filter((o) => o.status !== 'sent'))}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      // One email per registration: its confirmation, or its place on the waitlist.
      expect(outbox.length).toBe(rows.length);
      await smtp.waitFor(outbox.length);
      await new Promise((r) => setTimeout(r, 500));
      const received = smtp.messages.map((m) => m.messageId ?? '');
      const expectedIds = new Set(outbox.map((o) => `<${o.message_id!.replace(/^<|>$/g, '')}>`));
      // Each message arrives under its own Message-ID; a message the killed worker had handed to
      // the SMTP server but not yet marked sent may arrive a second time with the same Message-ID
      // (so mail systems recognise the repeat): never a different message, and at most its batch.
      expect(new Set(received)).toEqual(expectedIds);
      expect(received.length - expectedIds.size).toBeLessThanOrEqual(20);
      for (const i of acknowledged) {
        expect(smtp.messages.some((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(`crash${i}@example.org`)), `email to crash${i}`).toBe(true);
      }
    } finally {
      await db.end();
    }
  }, 180_000);
});
