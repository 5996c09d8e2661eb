import type { AppLoadContext } from 'react-router';
import type { TFunction } from 'i18next';
import { AUTH_BASE_PATH, LOCALE_HEADER } from '../../server/auth';
import type { Locale } from '../../i18n';

// The account pages post to the authentication library's own endpoints, on the server, so its
// rules apply as they would to any client: rate limits per address, origin checks, password
// hashing. What comes back is turned into cookies for the browser and localized messages.

export interface AuthAnswer {
  ok: boolean;
  status: number;
  /** The library's error code (INVALID_EMAIL_OR_PASSWORD, …) when it refused. */
  code: string | null;
  /** Set-Cookie headers to pass on to the browser (the session cookie). */
  cookies: string[];
  body: unknown;
}

export async function callAuth(
  args: { request: Request; context: AppLoadContext },
  locale: Locale,
  path: string,
  body: Record<string, unknown>,
): Promise<AuthAnswer> {
  const origin = new URL(args.context.settings.publicUrl).origin;
  const headers = new Headers({
    'content-type': 'application/json',
    // The page's own origin: the page checked its CSRF token already.
    origin,
    'x-forwarded-for': args.context.clientIp,
    [LOCALE_HEADER]: locale,
  });
  const cookie = args.request.headers.get('cookie');
  if (cookie) headers.set('cookie', cookie);
  const agent = args.request.headers.get('user-agent');
  if (agent) headers.set('user-agent', agent);
  const res = await args.context.auth.handler(
    new Request(`${origin}${AUTH_BASE_PATH}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  );
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  const code = !res.ok && parsed && typeof parsed === 'object' && 'code' in parsed ? String((parsed as { code: unknown }).code) : null;
  return { ok: res.ok, status: res.status, code, cookies: res.headers.getSetCookie(), body: parsed };
}

/** The localized message for a refusal of the library. */
export function authErrorMessage(answer: AuthAnswer, t: TFunction): string {
  if (answer.status === 429) return t('account.errors.tooMany');
  switch (answer.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_EMAIL':
    case 'INVALID_PASSWORD':
      return t('account.errors.invalidCredentials');
    case 'EMAIL_NOT_VERIFIED':
      return t('account.signIn.verifyFirst');
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return t('account.errors.exists');
    case 'PASSWORD_TOO_SHORT':
      return t('account.errors.passwordShort');
    case 'PASSWORD_TOO_LONG':
      return t('account.errors.passwordLong');
    case 'INVALID_TOKEN':
    case 'TOKEN_EXPIRED':
      return t('account.errors.invalidToken');
    default:
      return t('account.errors.generic');
  }
}

/**
 * Only paths of this site are followed after signing in, never another site. The path is resolved
 * against the site's own address and kept only when it stays there. Browsers drop tabs and newlines
 * from addresses and read a backslash as a slash, so "/\t/evil.example" or "/\\evil.example" would
 * become "//evil.example" (another site): any of those, and an encoded slash or backslash at the
 * start of the path, give the fallback.
 */
/** Whether a person signing in or up is on their way to a community: the pages speak to them, not to organizers. */
export function forCommunity(next: string): boolean {
  return /^\/(en\/groups|fr\/groupes)\/[^/]+\/(community|communaute)(\/|$)/.test(next);
}

export function safeNext(next: string | null, fallback: string, publicUrl: string): string {
  const unsafe = [...next ?? ''].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\');
  if (!next || !next.startsWith('/') || unsafe) return fallback;
  let url: URL;
  let site: URL;
  try {
    site = new URL(publicUrl);
    url = new URL(next, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site.origin || /^\/(\/|%2f|%5c)/i.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export const ORGANIZE_HOME: Record<Locale, string> = { en: '/en/organize', fr: '/fr/organiser' };
