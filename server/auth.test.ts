import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../tests/support/db';
import { authAccounts, emailOutbox, users } from '../db/schema';
import { TEST_SETTINGS } from '../core/context';
import { createAuth, LOCALE_HEADER, type Auth } from './auth';
import { ACCOUNT_MAX_FAILURES, signInLocked } from '../core/accounts/sign-in-throttle';
import { LIMITS } from '../core/limits/rate-limit';

let t: TestDatabase;
let auth: Auth;
const origin = new URL(TEST_SETTINGS.publicUrl).origin;

beforeAll(async () => {
  t = await createTestDatabase({ now: new Date() }); // the server under test reads the wall clock
  auth = createAuth(t.db, TEST_SETTINGS);
});
afterAll(async () => {
  await t.close();
});

/** A request to the library's HTTP endpoints, as a browser on some address would send it. */
function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return auth.handler(
    new Request(`${origin}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': '203.0.113.7', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function mailTo(email: string) {
  return t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, email));
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

describe('organizer accounts', () => {
  it('signs up, emails a verification link in the page’s language, and signs in only once verified', async () => {
    const email = 'new.organizer@example.org';
    const res = await post('/sign-up/email', { name: 'Nadia', email, password: 'a long passphrase', locale: 'fr' }, { [LOCALE_HEADER]: 'fr' });
    expect(res.status).toBe(200);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ emailVerified: false, locale: 'fr', isPlatformAdmin: false });
    // The password is stored hashed by the library, never as typed.
    const [account] = await t.db.select().from(authAccounts).where(eq(authAccounts.userId, user!.id));
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain('a long passphrase');

    const mail = await mailTo(email);
    expect(mail.map((m) => [m.template, m.locale])).toEqual([['account_verify', 'fr']]);
    const url = (mail[0]!.payload as { url: string }).url;
    expect(url.startsWith(`${origin}/api/auth/verify-email?token=`)).toBe(true);

    const early = await post('/sign-in/email', { email, password: 'a long passphrase' });
    expect(early.status).toBe(403);

    const verified = await auth.handler(new Request(url));
    expect([200, 302]).toContain(verified.status);
    expect((await t.db.select().from(users).where(eq(users.email, email)))[0]?.emailVerified).toBe(true);

    const signIn = await post('/sign-in/email', { email, password: 'a long passphrase' });
    expect(signIn.status).toBe(200);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(signIn) }) });
    expect(session?.user.email).toBe(email);

    const wrong = await post('/sign-in/email', { email, password: 'not the passphrase' }, { 'x-forwarded-for': '203.0.113.8' });
    expect(wrong.status).toBe(401);
  });

  it('never lets sign-up grant platform administration', async () => {
    const email = 'sneaky@example.org';
    await post('/sign-up/email', { name: 'Sneaky', email, password: 'a long passphrase', isPlatformAdmin: true }, { 'x-forwarded-for': '203.0.113.9' });
    // Whether the library refuses the field or drops it, nobody becomes an administrator this way.
    const rows = await t.db.select({ admin: users.isPlatformAdmin }).from(users).where(eq(users.email, email));
    expect(rows.every((r) => r.admin === false)).toBe(true);
  });

  it('rejects a short password, and a cross-site request carrying cookies', async () => {
    const short = await post('/sign-up/email', { name: 'Short', email: 'short@example.org', password: 'short' }, { 'x-forwarded-for': '203.0.113.10' });
    expect(short.status).toBe(400);
    const foreign = await post(
      '/sign-up/email',
      { name: 'Foreign', email: 'foreign@example.org', password: 'a long passphrase' },
      // A browser sends the visitor's cookies along with a form posted from another site.
      { origin: 'https://evil.example', cookie: 'cercle.session_token=whatever', 'x-forwarded-for': '203.0.113.11' },
    );
    expect(foreign.status).toBe(403);
    expect(await t.db.select().from(users).where(eq(users.email, 'foreign@example.org'))).toEqual([]);
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await post('/sign-in/email', { email: `nobody${i}@example.org`, password: 'whatever it is' }, { 'x-forwarded-for': '198.51.100.4' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another address is not affected.
    const other = await post('/sign-in/email', { email: 'nobody@example.org', password: 'whatever it is' }, { 'x-forwarded-for': '198.51.100.5' });
    expect(other.status).toBe(401);
  });

  it('emails a magic link to an existing account only', async () => {
    const [user] = await t.db.select().from(users).where(eq(users.email, 'new.organizer@example.org'));
    expect(user).toBeTruthy();
    const res = await post('/sign-in/magic-link', { email: 'new.organizer@example.org', callbackURL: '/fr/organiser' }, { [LOCALE_HEADER]: 'fr', 'x-forwarded-for': '203.0.113.12' });
    expect(res.status).toBe(200);
    const links = (await mailTo('new.organizer@example.org')).filter((m) => m.template === 'magic_link');
    expect(links).toHaveLength(1);
    const url = (links[0]!.payload as { url: string }).url;
    const followed = await auth.handler(new Request(url));
    expect(followed.status).toBe(302);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(followed) }) });
    expect(session?.user.id).toBe(user!.id);
  });

  it('locks an account after too many failed sign-ins posted straight to the library, from many addresses', async () => {
    const email = 'locked.organizer@example.org';
    expect((await post('/sign-up/email', { name: 'Lou', email, password: 'the right passphrase' }, { 'x-forwarded-for': '192.0.2.200' })).status).toBe(200);
    await t.db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
    // A success clears earlier failures.
    expect((await post('/sign-in/email', { email, password: 'wrong guess 0' }, { 'x-forwarded-for': '192.0.2.100' })).status).toBe(401);
    expect((await post('/sign-in/email', { email, password: 'the right passphrase' }, { 'x-forwarded-for': '192.0.2.100' })).status).toBe(200);
    for (let i = 1; i <= ACCOUNT_MAX_FAILURES; i++) {
      // A new address each time: the per-address limit never applies.
      const res = await post('/sign-in/email', { email, password: `wrong guess ${i}` }, { 'x-forwarded-for': `192.0.2.${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await post('/sign-in/email', { email, password: 'the right passphrase' }, { 'x-forwarded-for': '192.0.2.99' });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { code?: string }).code).toBe('ACCOUNT_LOCKED');
    expect(await signInLocked(t.db, email, new Date())).toBe(true);
  });

  it('sends at most a few account emails an hour to one address, whoever asks, with the same answer', async () => {
    const email = 'new.organizer@example.org';
    const before = (await mailTo(email)).length;
    for (let i = 0; i < LIMITS.accountMailPerRecipient.max + 3; i++) {
      const res = await post('/sign-in/magic-link', { email, callbackURL: '/en/organize' }, { 'x-forwarded-for': `198.18.0.${i + 1}` });
      expect(res.status).toBe(200);
    }
    const sent = (await mailTo(email)).length - before;
    expect(sent).toBeLessThanOrEqual(LIMITS.accountMailPerRecipient.max);
    expect(sent).toBeGreaterThan(0);
  });
});
