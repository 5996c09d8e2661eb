import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins/magic-link';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { authAccounts, authRateLimits, authSessions, authVerifications, users, type Locale } from '../db/schema';
import { createContext, type Settings } from '../core/context';
import { enqueueEmail, type NoticeTemplate } from '../core/email/enqueue';
import { isLocale } from '../i18n';
import { RateLimited } from '../core/errors';
import { consume, emailKey, LIMITS } from '../core/limits/rate-limit';
import { clearFailedSignIns, recordFailedSignIn, signInLocked } from '../core/accounts/sign-in-throttle';

// Organizer accounts (docs/decisions/0006-accounts.md): better-auth with its Drizzle adapter on our
// own tables. Passwords are hashed by the library; sessions live in auth_sessions behind an
// HttpOnly, SameSite=Lax cookie (Secure when the public URL is https). Its emails (verification,
// password reset, magic link) are written to the outbox like every other message.

/** Header the app's own pages set on requests they forward, so emails go out in the page's language. */
export const LOCALE_HEADER = 'x-cercle-locale';

export const AUTH_BASE_PATH = '/api/auth';

/** Rate limits of the library's endpoints, per client address (stored in the database, shared by processes). */
const RULES = {
  '/sign-in/email': { window: 60, max: 10 },
  '/sign-up/email': { window: 60, max: 5 },
  '/sign-in/magic-link': { window: 60, max: 5 },
  '/request-password-reset': { window: 60, max: 5 },
  '/send-verification-email': { window: 60, max: 5 },
};

function localeOf(request: Request | undefined, fallback: unknown): Locale {
  const fromHeader = request?.headers.get(LOCALE_HEADER);
  if (isLocale(fromHeader)) return fromHeader;
  return isLocale(fallback) ? fallback : 'en';
}

export function createAuth(db: Database, settings: Settings) {
  const ctx = () => createContext(db, { now: new Date(), settings, actor: { type: 'system' } });
  const send = async (template: NoticeTemplate, to: string, locale: Locale, url: string, name?: string) => {
    // At most a few account emails an hour to one address, whoever asks for them. Past that,
    // nothing is sent and the answer stays the same (nobody learns whether an account exists).
    const c = ctx();
    try {
      await consume(c, [{ key: `account-mail:${emailKey(c, to)}`, ...LIMITS.accountMailPerRecipient }]);
    } catch (err) {
      if (err instanceof RateLimited) return;
      throw err;
    }
    // One message per link: the key is derived from the link itself.
    const key = `${template}:${createHash('sha256').update(url).digest('hex').slice(0, 32)}`;
    await enqueueEmail(c, { key, to, locale, template, payload: { url, ...(name ? { name } : {}) } });
  };
  const signInEmail = (body: unknown) => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return typeof email === 'string' ? email : null;
  };
  const secure = settings.publicUrl.startsWith('https://');

  return betterAuth({
    appName: 'Cercle',
    baseURL: settings.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: createHash('sha256').update(`auth:${settings.signingKey}`).digest('hex'),
    trustedOrigins: [new URL(settings.publicUrl).origin],
    telemetry: { enabled: false },
    // The library reports refused requests (a foreign origin, say) as errors; they are handled
    // answers (4xx), so they are logged as warnings.
    logger: { level: 'warn', log: (level, message) => console.warn(`[auth] ${level}: ${message}`) },
    onAPIError: {
      onError: (error) => {
        const status = (error as { status?: unknown } | null)?.status;
        // A refusal (bad password, foreign origin, too many attempts) is an answer, not a fault.
        if (typeof status === 'string' && status !== 'INTERNAL_SERVER_ERROR') return;
        console.error('[auth]', error);
      },
    },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: authSessions, account: authAccounts, verification: authVerifications, rateLimit: authRateLimits },
    }),
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'en', input: true },
        // Never settable through sign-up: granted by the create-admin command only.
        isPlatformAdmin: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }, request) => {
        await send('password_reset', user.email, localeOf(request, (user as { locale?: string }).locale), url, user.name);
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 3600,
      sendVerificationEmail: async ({ user, url }, request) => {
        await send('account_verify', user.email, localeOf(request, (user as { locale?: string }).locale), url, user.name);
      },
    },
    // Failed sign-ins per account, wherever the request comes from (the sign-in page, or a client
    // posting to /api/auth/sign-in/email directly): locked after too many, cleared by a success.
    hooks: {
      before: createAuthMiddleware(async (hook) => {
        if (hook.path !== '/sign-in/email') return;
        const email = signInEmail(hook.body);
        if (email && (await signInLocked(db, email, new Date()))) {
          throw new APIError('TOO_MANY_REQUESTS', { message: 'Too many failed sign-ins for this account. Try again later.', code: 'ACCOUNT_LOCKED' });
        }
      }),
      after: createAuthMiddleware(async (hook) => {
        if (hook.path !== '/sign-in/email') return;
        const email = signInEmail(hook.body);
        if (!email) return;
        const returned = hook.context.returned;
        if (isAPIError(returned)) {
          if ((returned.body as { code?: string } | undefined)?.code === 'INVALID_EMAIL_OR_PASSWORD') await recordFailedSignIn(db, email, new Date());
        } else if (returned) {
          await clearFailedSignIns(db, email);
        }
      }),
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: { enabled: true, storage: 'database', window: 60, max: 100, customRules: RULES },
    advanced: {
      cookiePrefix: 'cercle',
      // Checked in tests too (the library skips it under a test runner unless told).
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: secure,
      // The server sets this header itself from the socket address (server/app.ts).
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    plugins: [
      magicLink({
        expiresIn: 300,
        disableSignUp: true,
        sendMagicLink: async ({ email, url }, endpoint) => {
          const [user] = await db.select({ locale: users.locale, name: users.name }).from(users).where(eq(users.email, email.toLowerCase()));
          await send('magic_link', email, localeOf(endpoint?.request, user?.locale), url, user?.name);
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
