import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { and, eq, ne } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../tests/support/db';
import { createCohort, createGroup, createOpenSession, createSession, proveEmail } from '../tests/support/factories';
import { applications, emailOutbox, participants, registrations, requestLimits } from '../db/schema';
import { manageToken } from '../core/participants/manage-link';
import { LIMITS } from '../core/limits/rate-limit';
import { TEST_SETTINGS } from '../core/context';
import { participantApi } from './participant-api';
import { readConfig } from './config';

// The participant endpoints over real HTTP, on an Express app holding only them.
let t: TestDatabase;
let server: Server;
let base: string;
let rateLimits = false;

beforeAll(async () => {
  t = await createTestDatabase({ now: new Date() }); // the server under test reads the wall clock
  // Per-address limits are switched on by the test that checks them only: every request here comes from 127.0.0.1.
  const app = express().use(participantApi(() => ({ db: t.db, settings: TEST_SETTINGS, rateLimits })));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

type ApiBody = {
  status?: string;
  expires_in?: number;
  cancelled?: boolean;
  promoted?: number;
  error?: { code: string; message: string; issues?: { param: string; message: string }[] };
};

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as ApiBody };
}

const person = (n: string) => ({ name: `Person ${n}`, email: `person.${n}@example.org`, consent: true });
const signUp = (sessionId: string, body: unknown, headers?: Record<string, string>) =>
  post(`/api/v1/sessions/${sessionId}/registrations`, body, headers);
/** The live registration of an address and the token of the link its emails carry (the answer gives neither). */
async function fromEmail(sessionId: string, email: string) {
  const [row] = await t.db
    .select({ id: registrations.id, participantId: registrations.participantId })
    .from(registrations)
    .innerJoin(participants, eq(participants.id, registrations.participantId))
    .where(and(eq(registrations.sessionId, sessionId), eq(participants.email, email), ne(registrations.status, 'cancelled')));
  return { id: row!.id, token: manageToken(TEST_SETTINGS, row!.participantId) };
}
const CHECK_EMAIL = { status: 'check_email', expires_in: 1800 };

describe('POST /api/v1/sessions/:id/registrations', () => {
  it('answers every sign-up the same (202 check_email, nothing private); a place or a place in line is told by email', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1 });
    const first = await signUp(session.id, person('a1'));
    const second = await signUp(session.id, { ...person('a2'), locale: 'fr' });
    expect([first.status, first.body]).toEqual([202, CHECK_EMAIL]);
    expect([second.status, second.body]).toEqual([202, CHECK_EMAIL]);
    const rows = await t.db.select().from(registrations).where(eq(registrations.sessionId, session.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['confirmed', 'waitlisted']);
    // The confirmation email was queued with the sign-up, in the person's language.
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'person.a2@example.org'));
    expect(mail.map((m) => m.locale)).toEqual(['fr']);
  });

  it('answers a second sign-up with the same address as a first one, and tells the person by email in the language asked for', async () => {
    const { session } = await createOpenSession(t);
    const first = await signUp(session.id, person('d1'));
    const again = await signUp(session.id, { ...person('d1'), email: 'PERSON.D1@example.org' }, { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect([again.status, again.body]).toEqual([first.status, first.body]);
    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'person.d1@example.org'));
    expect(mail.map((m) => [m.template, m.locale]).sort()).toEqual([
      ['registration_already', 'fr'],
      ['registration_confirmed', 'en'],
    ]);
  });

  it('names each invalid field, with the form’s messages', async () => {
    const { session } = await createOpenSession(t);
    const res = await signUp(session.id, { name: '', email: 'not-an-email', locale: 'fr' });
    expect(res.status).toBe(400);
    expect(res.body.error!.code).toBe('invalid');
    const params = Object.fromEntries(res.body.error!.issues!.map((i) => [i.param, i.message]));
    expect(params.email).toBe('Inscrivez une adresse courriel valide.');
    expect(params.consent).toMatch(/cocher la case/);
    expect(params.name).toMatch(/pseudonyme/);
    expect(await t.db.select().from(registrations).where(eq(registrations.sessionId, session.id))).toEqual([]);
  });

  it('answers a body that is not a JSON object with a localized 400', async () => {
    const { session } = await createOpenSession(t);
    const broken = await signUp(session.id, '{"name": ', { 'accept-language': 'fr' });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toEqual({ code: 'invalid', message: 'Le corps de la requête doit être en JSON.' });
    const list = await signUp(session.id, [person('x')]);
    expect(list.status).toBe(400);
    expect(list.body.error!.message).toBe('The request body must be JSON.');
    const huge = await signUp(session.id, { ...person('h'), answers: { q: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.error!.message).toBe('The request body is too large.');
  });

  it('tells unknown, closed, late and ineligible sign-ups apart by code', async () => {
    const unknown = await signUp('00000000-0000-4000-8000-000000000000', person('u'));
    expect([unknown.status, unknown.body.error!.code]).toEqual([404, 'not_found']);
    const notAnId = await signUp('nope', person('u'), { 'accept-language': 'fr' });
    expect([notAnId.status, notAnId.body.error!.message]).toEqual([404, 'Cette rencontre ou ce groupe n’existe pas ou n’est plus répertorié.']);

    const now = Date.now();
    const cancelled = await createOpenSession(t, {}, { status: 'cancelled' });
    expect((await signUp(cancelled.session.id, person('c'))).body.error!.code).toBe('closed');

    const late = await createOpenSession(t, { signupCutoffMinutes: 24 * 60 }, { startsAt: new Date(now + 3_600_000) });
    const tooLate = await signUp(late.session.id, person('l'));
    expect([tooLate.status, tooLate.body.error!.code]).toEqual([409, 'cutoff_passed']);

    const adults = await createOpenSession(t, { ageMin: 18 });
    const young = await signUp(adults.session.id, { ...person('y'), age: 15 });
    expect([young.status, young.body.error!.code]).toEqual([422, 'ineligible']);
  });

  it('answers other methods with 405 and the allowed one', async () => {
    const { session } = await createOpenSession(t);
    const res = await fetch(`${base}/api/v1/sessions/${session.id}/registrations`, { headers: { 'accept-language': 'fr' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(((await res.json()) as ApiBody).error!.message).toBe('Envoyez cette requête avec POST.');
  });
});

describe('POST /api/v1/registrations/:id/cancel', () => {
  it('cancels with the token of the manage link and gives the place to the first waiting', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 1 });
    await signUp(session.id, person('k1'));
    await proveEmail(t, person('k2').email);
    await signUp(session.id, person('k2'));
    const holder = await fromEmail(session.id, person('k1').email);
    const waiting = await fromEmail(session.id, person('k2').email);
    const path = `/api/v1/registrations/${holder.id}/cancel`;
    const wrong = await post(path, { token: waiting.token });
    // Another person's token reveals nothing about this registration.
    expect([wrong.status, wrong.body.error!.code]).toEqual([404, 'not_found']);
    const res = await post(path, { token: holder.token });
    expect(res).toMatchObject({ status: 200, body: { cancelled: true, promoted: 1 } });
    const [promoted] = await t.db.select().from(registrations).where(eq(registrations.id, waiting.id));
    expect(promoted!.status).toBe('confirmed');
  });
});

describe('limits on joining and leaving', () => {
  it('stops a loop of sign-ups and cancellations for one address after a few emails, with 429, Retry-After and a message in the person’s language', async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 5 });
    const loop = { name: 'Looped', email: 'target.of.a.loop@example.org', consent: true };
    for (let i = 0; i < LIMITS.joinPerRecipientAndSession.max; i++) {
      expect((await signUp(session.id, loop)).status).toBe(202);
      const joined = await fromEmail(session.id, loop.email);
      const left = await post(`/api/v1/registrations/${joined.id}/cancel`, { token: joined.token });
      expect(left.status).toBe(200);
    }
    const before = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, loop.email));
    const refused = await signUp(session.id, { ...loop, locale: 'fr' });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Trop de tentatives') });
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(50 * 60);
    expect(wait).toBeLessThanOrEqual(3600);
    // No more mail to that address; another address is not held back.
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, loop.email))).toHaveLength(before.length);
    expect((await signUp(session.id, person('not-the-loop'))).status).toBe(202);
  });

  it(`counts per client address: ${LIMITS.joinPerAddress.max} sign-ups in ${LIMITS.joinPerAddress.windowMs / 60_000} minutes, then 429 until the window ends`, async () => {
    const { session } = await createOpenSession(t, { sessionCapacity: 100 });
    rateLimits = true;
    try {
      await t.db.delete(requestLimits);
      for (let i = 0; i < LIMITS.joinPerAddress.max; i++) expect((await signUp(session.id, person(`crowd-${i}`))).status).toBe(202);
      const refused = await signUp(session.id, person('one-too-many'));
      expect(refused.status).toBe(429);
      expect(refused.body.error!.message).toContain('Too many tries');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Counted in the database, for every app process.
      const [row] = await t.db.select().from(requestLimits).where(eq(requestLimits.key, 'join:ip:127.0.0.1'));
      expect(row!.count).toBe(LIMITS.joinPerAddress.max + 1);
    } finally {
      rateLimits = false;
    }
  });
});

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  /** An app like the server's, trusting the proxies that `trustProxy` names, and the key its sign-up counted under. */
  async function countedAs(trustProxy: string | undefined, forwardedFor: string): Promise<string[]> {
    const config = readConfig({ ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}) });
    const app = express();
    app.set('trust proxy', config.TRUST_PROXY);
    app.use(participantApi(() => ({ db: t.db, settings: TEST_SETTINGS, rateLimits: true })));
    const proxied = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => proxied.once('listening', resolve));
    try {
      await t.db.delete(requestLimits);
      const { session } = await createOpenSession(t, {});
      const url = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}/api/v1/sessions/${session.id}/registrations`;
      const res = await fetch(url, { method: 'POST', headers: { 'x-forwarded-for': forwardedFor }, body: JSON.stringify(person(`proxy-${Math.random()}`)) });
      expect(res.status).toBe(202);
      return (await t.db.select().from(requestLimits)).map((r) => r.key).filter((k) => k.startsWith('join:ip:'));
    } finally {
      await new Promise((resolve) => proxied.close(resolve));
    }
  }

  it('counts the socket’s address by default, whatever the client claims', async () => {
    expect(await countedAs(undefined, '203.0.113.9')).toEqual(['join:ip:127.0.0.1']);
  });

  it('counts the address the trusted proxy reports, so visitors behind it do not share one bucket', async () => {
    expect(await countedAs('1', '198.51.100.23, 203.0.113.9')).toEqual(['join:ip:203.0.113.9']);
    expect(await countedAs('loopback', '203.0.113.77')).toEqual(['join:ip:203.0.113.77']);
  });

  it('refuses to trust every header', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});

describe('POST /api/v1/cohorts/:id/applications', () => {
  it('accepts up to capacity, waitlists after, and asks for the commitment', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000);
    const group = await createGroup(t, { format: 'closed', dropInStyle: null, autoAccept: true });
    const cohort = await createCohort(t, {
      groupId: group.id,
      startsOn: day(10).toISOString().slice(0, 10),
      endsOn: day(40).toISOString().slice(0, 10),
      capacity: 1,
    });
    await createSession(t, { groupId: group.id, cohortId: cohort.id, startsAt: day(10) });
    const apply = (body: unknown) => post(`/api/v1/cohorts/${cohort.id}/applications`, body);
    const uncommitted = await apply(person('p0'));
    expect(uncommitted.status).toBe(400);
    expect(uncommitted.body.error!.issues!.map((i) => i.param)).toContain('commitment');
    expect(await apply({ ...person('p1'), commitment: true })).toEqual(expect.objectContaining({ status: 202, body: CHECK_EMAIL }));
    expect(await apply({ ...person('p2'), commitment: true })).toEqual(expect.objectContaining({ status: 202, body: CHECK_EMAIL }));
    const rows = await t.db.select().from(applications).where(eq(applications.cohortId, cohort.id));
    expect(rows.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['accepted', null],
      ['waitlisted', 1],
    ]);
  });
});
