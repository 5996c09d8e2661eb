import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { openPostgres, migrateDatabase, type DatabaseHandle } from '../../db/client';
import { addMember, atWallClock, createCohort, createGroup, createOrganization, createSession } from '../support/factories';
import { scratchPostgres } from '../support/db';
import { confirmedAccounts } from '../support/story';
import { wrongLanguage } from '../support/fuzz';
import { registerForSession } from '../../core/registrations/register-for-session';
import { createContext } from '../../core/context';
import { manageToken } from '../../core/participants/manage-link';
import { PAGES } from '../../app/lib/paths';
import { startServer, type RunningServer } from './server-process';

// Generated input against every form of the public and organizer pages, as the built app serves
// them on PostgreSQL: each page is read first, and what its forms send (their fields, their
// intents, the CSRF token) is sent back with generated values — wrong types, huge and unicode
// strings, missing and repeated fields, odd encodings. Never a 5xx; a refusal changes nothing in
// the database; the page answering is in the language of its address.
const base = process.env.TEST_DATABASE_URL;
const SECRET_KEY = 'form-fuzz-test-key-0123456789abcdef0123';
const PASSWORD = 'a long enough passphrase';

type Target = { action: string; locale: 'en' | 'fr'; fields: string[]; intents: string[]; csrf: string | null; multipart: boolean };

/** The POST forms of a page: where they go, the names they send, the intents of their buttons. */
function formsOf(html: string, page: string, locale: 'en' | 'fr'): Target[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
    .filter(([, attrs]) => /method="post"/i.test(attrs!))
    .map(([, attrs, inner]) => {
      const action = /action="([^"]*)"/.exec(attrs!)?.[1]?.replace(/&amp;/g, '&') || page;
      const names = [...inner!.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!);
      const intents = [...inner!.matchAll(/<button\b[^>]*name="intent"[^>]*value="([^"]+)"|<button\b[^>]*value="([^"]+)"[^>]*name="intent"/g)].map((m) => m[1] ?? m[2]!);
      const hidden = [...inner!.matchAll(/<input\b[^>]*type="hidden"[^>]*name="intent"[^>]*value="([^"]+)"/g)].map((m) => m[1]!);
      return {
        action,
        locale,
        fields: [...new Set(names.filter((n) => n !== '_csrf' && n !== 'intent'))],
        intents: [...new Set([...intents, ...hidden])],
        csrf: /name="_csrf" value="([^"]+)"/.exec(inner!)?.[1] ?? null,
        multipart: /multipart\/form-data/i.test(attrs!),
      };
    });
}

describe.skipIf(!base)('every form under generated input', () => {
  let database: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
  let handle: DatabaseHandle | undefined;
  let server: RunningServer | undefined;
  let cookie = '';
  let tables: string[] = [];
  const paths: string[] = [];

  beforeAll(async () => {
    database = await scratchPostgres(base!, 'cercle_fuzz');
    handle = await openPostgres(database.url);
    await migrateDatabase(handle);
    const f = atWallClock(handle.db);
    const org = await createOrganization(f, { slug: 'fuzz-org' });
    const group = await createGroup(f, { organizationId: org.id, sessionCapacity: 5, signupCutoffMinutes: 0 });
    const session = await createSession(f, { groupId: group.id, startsAt: new Date(Date.now() + 5 * 86_400_000) });
    const closed = await createGroup(f, { organizationId: org.id, format: 'closed', dropInStyle: null });
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const cohort = await createCohort(f, { groupId: closed.id, startsOn: day(10), endsOn: day(40), capacity: 5 });
    const settings = { publicUrl: 'http://127.0.0.1', signingKey: SECRET_KEY };
    const person = await registerForSession({ ctx: createContext(handle.db, { now: new Date(), settings }), input: { sessionId: session.id, name: 'Fuzz Person', email: 'fuzz.person@example.org', consent: true } });
    const ids = await confirmedAccounts(handle, SECRET_KEY, [['Owner', 'owner@example.org']], PASSWORD);
    await addMember(f, org.id, ids['owner@example.org']!, 'owner');
    const token = manageToken(settings, person.participantId);
    const fill = (p: string) =>
      p
        .replace(':org', 'fuzz-org')
        .replace(':slug', group.slug)
        .replace(':sessionId', session.id)
        .replace(':session', session.id)
        .replace(':cohortId', cohort.id)
        .replace(':cohort', cohort.id)
        .replace(':group', group.id)
        .replace(':token', token);
    for (const [key, page] of Object.entries(PAGES)) {
      if (/^(community|admin|signOut|orgInvitation)/.test(key) || key === 'cohortApply') continue;
      for (const locale of ['en', 'fr'] as const) if (!/:[a-zA-Z]+/.test(fill(page[locale]))) paths.push(fill(page[locale]));
    }
    paths.push(`/en/groups/${closed.slug}/cohorts/${cohort.id}/apply`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    tables = (
      await client.query<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
           and table_name not in ('request_limits', 'session', 'account', 'verification', 'rate_limit', 'app_secrets', '__drizzle_migrations', 'group_search')`,
      )
    ).rows.map((r) => r.name);
    await client.end();
    await handle.close();
    handle = undefined;
    server = await startServer({ DATABASE_URL: database.url, SEED_DEMO: 'false', SECRET_KEY, WORKER: 'off', RATE_LIMITS: 'false' });
    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'owner@example.org', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await handle?.close();
    await database?.drop();
  });

  it('tells a person who deleted their data without JavaScript that it is done, and says so again at their link', async () => {
    const manage = paths.find((p) => p.startsWith('/fr/gerer/'))!;
    const deleteIt = await fetch(`${server!.url}${manage}`, { method: 'POST', body: new URLSearchParams({ intent: 'delete', confirm: 'on' }), redirect: 'manual' });
    expect(deleteIt.status).toBe(200);
    expect(await deleteIt.text()).toContain('Tout ce qui vous concerne a été supprimé.');
    const later = await fetch(`${server!.url}${manage}`);
    expect(later.status).toBe(200);
    expect(await later.text()).toContain('Tout ce qui vous concerne a été supprimé.');
    // A link that was never genuine is still not found.
    expect((await fetch(`${server!.url}${manage.slice(0, -4)}AAAA`)).status).toBe(404);
  });

  it('never answer 5xx, change nothing when they refuse, and answer in the page’s language', async () => {
    const targets: Target[] = [];
    for (const path of paths) {
      const res = await fetch(`${server!.url}${path}`, { headers: { cookie } });
      if (res.status !== 200 || !res.headers.get('content-type')?.startsWith('text/html')) continue;
      targets.push(...formsOf(await res.text(), path, path.startsWith('/fr') ? 'fr' : 'en'));
    }
    // The header's sign-out form is on every page: it would end the session the others need.
    const signOut = new Set<string>([PAGES.signOut.en, PAGES.signOut.fr]);
    const seen = new Set<string>();
    const unique = targets.filter((t) => {
      const key = `${t.action} ${t.intents.join()} ${t.fields.join()}`;
      if (signOut.has(t.action) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    targets.splice(0, targets.length, ...unique);
    // The public forms and the organizer's: sign-up, report, apply, manage; group, schedule, session, members…
    expect(targets.length).toBeGreaterThan(25);
    expect(targets.some((t) => t.csrf)).toBe(true);

    const db = new pg.Client({ connectionString: database!.url });
    db.on('error', () => {});
    await db.connect();
    const digest = async () =>
      (await db.query<{ d: string }>(`select md5(concat(${tables.map((t) => `(select coalesce(string_agg(x::text, '|' order by x::text), '') from "${t}" x)`).join(', ')})) as d`)).rows[0]!.d;

    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.string({ minLength: 3000, maxLength: 12_000 }),
      fc.integer().map(String),
      fc.double().map(String),
      fc.constantFrom('', 'on', 'true', '-1', '0', '99999999999999999999', '2026-02-30', '25:61', 'null', '%00', '\u0000', '\u202e', 'person@example.org', 'https://example.org'),
    );
    const submission = fc.record({
      target: fc.nat({ max: targets.length - 1 }),
      values: fc.array(fc.tuple(fc.nat(), value), { maxLength: 12 }),
      repeat: fc.boolean(),
      intent: fc.oneof(fc.nat(), fc.string({ maxLength: 20 })),
      csrf: fc.constantFrom('kept', 'kept', 'kept', 'missing', 'wrong'),
      encoding: fc.constantFrom('urlencoded', 'urlencoded', 'multipart', 'garbage'),
    });
    try {
      await fc.assert(
        fc.asyncProperty(submission, async (s) => {
          const target = targets[s.target]!;
          const form = new URLSearchParams();
          if (target.csrf && s.csrf !== 'missing') form.append('_csrf', s.csrf === 'kept' ? target.csrf : 'x'.repeat(43));
          if (typeof s.intent === 'number' ? target.intents.length > 0 : true) {
            form.append('intent', typeof s.intent === 'number' ? target.intents[s.intent % target.intents.length]! : s.intent);
          }
          for (const [n, v] of s.values) {
            if (target.fields.length === 0) break;
            const name = target.fields[n % target.fields.length]!;
            form.append(name, v);
            if (s.repeat) form.append(name, v.slice(0, 10));
          }
          let body: BodyInit;
          const headers: Record<string, string> = { cookie };
          if (s.encoding === 'multipart') {
            const data = new FormData();
            for (const [k, v] of form) data.append(k, v);
            body = data;
          } else if (s.encoding === 'garbage') {
            body = `%E0%A4%A=${'%'.repeat(5)}&&=&_csrf`;
            headers['content-type'] = 'application/x-www-form-urlencoded';
          } else {
            body = form;
          }
          const before = await digest();
          const res = await fetch(`${server!.url}${target.action}`, { method: 'POST', headers, body, redirect: 'manual' });
          const where = `${target.action} ${res.status}`;
          expect(res.status, where).toBeLessThan(500);
          const text = await res.text();
          if (res.status >= 400) expect(await digest(), `${where}: a refusal changed the database`).toBe(before);
          if (!res.headers.get('content-type')?.startsWith('text/html')) return;
          expect(text, where).toContain(`<html lang="${target.locale}-CA"`);
          const errors = [...text.matchAll(/class="(?:field-error|error-summary)[^"]*"[^>]*>([\s\S]*?)<\/(?:p|span|div)>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').trim());
          for (const e of errors) expect(wrongLanguage(e, target.locale), `${where}: ${e}`).toBe(false);
        }),
        { numRuns: 400, interruptAfterTimeLimit: 60_000 },
      );
    } finally {
      await db.end();
    }
  }, 240_000);
});
