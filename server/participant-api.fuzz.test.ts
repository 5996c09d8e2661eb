import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../tests/support/db';
import { createCohort, createGroup, createOpenSession, createSession } from '../tests/support/factories';
import { TEST_SETTINGS } from '../core/context';
import { manageToken } from '../core/participants/manage-link';
import { registerForSession } from '../core/registrations/register-for-session';
import { createContext } from '../core/context';
import { participantApi } from './participant-api';
import { wrongLanguage } from '../tests/support/fuzz';
import { negotiateLocale } from '../i18n';

// Generated input against the JSON endpoints: wrong types, huge and unicode strings, missing and
// repeated fields, bodies that are not JSON, odd content types and languages. Whatever comes, the
// answer is never a 5xx, a refusal writes nothing, and its message is in the request's language.
let t: TestDatabase;
let server: Server;
let base: string;
const ids = { session: '', cohort: '', registration: '', token: '' };

beforeAll(async () => {
  t = await createTestDatabase({ now: new Date() });
  const app = express().use(participantApi(() => ({ db: t.db, settings: TEST_SETTINGS, rateLimits: false })));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { session } = await createOpenSession(t, { sessionCapacity: 3 });
  const day = (n: number) => new Date(Date.now() + n * 86_400_000);
  const group = await createGroup(t, { format: 'closed', dropInStyle: null, autoAccept: true });
  const cohort = await createCohort(t, { groupId: group.id, startsOn: day(10).toISOString().slice(0, 10), endsOn: day(40).toISOString().slice(0, 10), capacity: 2 });
  await createSession(t, { groupId: group.id, cohortId: cohort.id, startsAt: day(10) });
  const r = await registerForSession({ ctx: createContext(t.db, { now: new Date(), settings: TEST_SETTINGS }), input: { sessionId: session.id, name: 'Kept', email: 'kept@example.org', consent: true } });
  Object.assign(ids, { session: session.id, cohort: cohort.id, registration: r.registrationId, token: manageToken(TEST_SETTINGS, r.participantId) });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** How many rows the endpoints could write: equal before and after a refusal. */
async function written(): Promise<string> {
  const counts = await t.db.execute<{ n: string }>(
    sql`select concat_ws(',', (select count(*) from participants), (select count(*) from registrations), (select count(*) from applications), (select count(*) from email_outbox), (select count(*) from audit_log), (select string_agg(status::text, '' order by id) from registrations)) as n`,
  );
  return (counts as unknown as { rows: { n: string }[] }).rows?.[0]?.n ?? JSON.stringify(counts);
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ minLength: 2000, maxLength: 20_000 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'é'.normalize('NFD'), '<script>alert(1)</script>', "'; drop table participants; --", 'a@b', 'person@example.org'),
);
const anyValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }));
const personish = fc.record(
  {
    name: anyValue,
    email: fc.oneof(anyValue, fc.emailAddress()),
    consent: anyValue,
    commitment: anyValue,
    answers: anyValue,
    age: anyValue,
    region: anyValue,
    locale: fc.oneof(anyValue, fc.constantFrom('en', 'fr')),
    token: fc.oneof(anyValue, fc.constant('TOKEN')),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  personish.map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  // Not JSON, or JSON with a field given twice.
  fc.string(),
  fc.tuple(text, text).map(([a, b]) => `{"name":${JSON.stringify(a)},"name":${JSON.stringify(b)},"email":"x@example.org","email":7}`),
);
const ascii = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzAZ-,;=.*0123456789 '.split('')), maxLength: 30 });
const request = fc.record({
  path: fc.oneof(
    fc.constantFrom('sessions/SESSION/registrations', 'cohorts/COHORT/applications', 'registrations/REGISTRATION/cancel', 'sessions/COHORT/registrations', 'registrations/SESSION/cancel'),
    fc.tuple(fc.constantFrom('sessions', 'cohorts', 'registrations'), fc.oneof(fc.uuid(), fc.string({ maxLength: 50 }))).map(([kind, id]) => `${kind}/${/^\.*$/.test(id) ? 'x' : encodeURIComponent(id)}/${kind === 'sessions' ? 'registrations' : kind === 'cohorts' ? 'applications' : 'cancel'}`),
  ),
  body,
  contentType: fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
  language: fc.oneof(fc.constantFrom('en', 'fr', 'fr-CA,fr;q=0.9', 'de', 'en-US,fr;q=0.5', ''), ascii),
});

describe('the JSON endpoints under generated input', () => {
  it('never answer 5xx, write nothing when they refuse, and refuse in the request’s language', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = r.path.replace('SESSION', ids.session).replace('COHORT', ids.cohort).replace('REGISTRATION', ids.registration);
        const payload = r.body.replace('"TOKEN"', JSON.stringify(ids.token));
        const before = await written();
        const res = await fetch(`${base}/api/v1/${path}`, {
          method: 'POST',
          headers: { ...(r.contentType ? { 'content-type': r.contentType } : {}), ...(r.language ? { 'accept-language': r.language } : {}) },
          body: payload,
        });
        expect(res.status).toBeLessThan(500);
        const answer = (await res.json()) as { error?: { message?: unknown } };
        if (res.status < 400) return;
        expect(await written()).toBe(before);
        const message = answer.error?.message;
        expect(typeof message === 'string' && message.length > 0).toBe(true);
        let parsed: unknown;
        try {
          parsed = JSON.parse(payload);
        } catch {
          parsed = undefined;
        }
        // A body in a charset the JSON parser refuses is never read: its `locale` is not known.
        const readable = !r.contentType.includes('latin1');
        const asked = readable && parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { locale?: unknown }).locale : undefined;
        const locale = asked === 'en' || asked === 'fr' ? asked : negotiateLocale(r.language || undefined);
        expect(wrongLanguage(message as string, locale), `${message as string} (${locale})`).toBe(false);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 25_000 },
    );
  }, 60_000);
});
