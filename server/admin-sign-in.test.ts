import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../tests/support/db';
import { authAccounts, emailOutbox, users } from '../db/schema';
import { createContext, TEST_SETTINGS } from '../core/context';
import { makePlatformAdmin } from '../core/admin';
import { createAuth, type Auth } from './auth';

// `npm run admin:create` makes an account with no password (scripts/create-admin.ts). Its owner
// must be able to get in: with a magic link, or by choosing a password through "forgot password".

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

function post(path: string, body: unknown, address: string) {
  return auth.handler(
    new Request(`${origin}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': address },
      body: JSON.stringify(body),
    }),
  );
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function linkIn(email: string, template: string): Promise<string> {
  const mails = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, email), eq(emailOutbox.template, template)));
  expect(mails).toHaveLength(1);
  return (mails[0]!.payload as { url: string }).url;
}

async function newAdmin(email: string) {
  const ctx = createContext(t.db, { now: new Date(), actor: { type: 'system' } });
  const made = await makePlatformAdmin({ ctx, input: { email, name: 'Command Line Admin' } });
  expect(made.outcome).toBe('created');
  // What the command leaves behind: an account and no password at all.
  expect(await t.db.select().from(authAccounts).where(eq(authAccounts.userId, made.userId))).toEqual([]);
  return made.userId;
}

describe('a platform administrator created by the command', () => {
  it('signs in with a magic link', async () => {
    const email = 'magic.admin@example.org';
    const userId = await newAdmin(email);
    const asked = await post('/sign-in/magic-link', { email, callbackURL: '/en/admin' }, '203.0.113.40');
    expect(asked.status).toBe(200);
    const url = await linkIn(email, 'magic_link');
    expect(url.startsWith(`${origin}/api/auth/magic-link/verify?token=`)).toBe(true);

    const followed = await auth.handler(new Request(url));
    expect(followed.status).toBe(302);
    expect(new URL(followed.headers.get('location')!, origin).pathname).toBe('/en/admin');
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(followed) }) });
    expect(session?.user.id).toBe(userId);
    expect(session?.user).toMatchObject({ email, emailVerified: true, isPlatformAdmin: true });
  });

  it('chooses a password through "forgot password", then signs in with it', async () => {
    const email = 'reset.admin@example.org';
    const userId = await newAdmin(email);
    // No password yet: signing in with one fails.
    expect((await post('/sign-in/email', { email, password: 'a brand new passphrase' }, '203.0.113.41')).status).toBe(401);

    const asked = await post('/request-password-reset', { email, redirectTo: '/en/reset-password' }, '203.0.113.42');
    expect(asked.status).toBe(200);
    const url = new URL(await linkIn(email, 'password_reset'));
    expect(url.pathname.startsWith('/api/auth/reset-password/')).toBe(true);
    const token = url.pathname.split('/').pop()!;
    expect(token.length).toBeGreaterThan(10);

    // Following the link leads to the page that asks for the new password, carrying the token.
    const followed = await auth.handler(new Request(url));
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toContain(`token=${token}`);

    const reset = await post('/reset-password', { newPassword: 'a brand new passphrase', token }, '203.0.113.43');
    expect(reset.status).toBe(200);
    const [account] = await t.db.select().from(authAccounts).where(eq(authAccounts.userId, userId));
    expect(account).toMatchObject({ providerId: 'credential' });
    expect(account?.password).not.toContain('a brand new passphrase');
    // The link works once.
    expect((await post('/reset-password', { newPassword: 'another long passphrase', token }, '203.0.113.44')).status).toBe(400);

    const signIn = await post('/sign-in/email', { email, password: 'a brand new passphrase' }, '203.0.113.45');
    expect(signIn.status).toBe(200);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(signIn) }) });
    expect(session?.user.id).toBe(userId);
    const [row] = await t.db.select({ admin: users.isPlatformAdmin }).from(users).where(eq(users.id, userId));
    expect(row?.admin).toBe(true);
  });
});
