import { randomBytes } from 'node:crypto';
import { sameSignature, sign } from '../../core/signing';
import { oncePerRequest } from './once-per-request';
import { data, redirect, type AppLoadContext } from 'react-router';
import { createContext, type Context } from '../../core/context';
import { getT, isLocale, type Locale } from '../../i18n';
import { pathTo } from './paths';

// Who is signed in, and the guards of the organizer and admin areas. Sessions are the
// authentication library's (server/auth.ts); forms carry a CSRF token checked on every POST.

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  emailVerified: boolean;
  isPlatformAdmin: boolean;
}

export interface Organizer {
  user: SessionUser;
  /** A core context acting as this user, in the page's language. */
  ctx: Context;
  /** The token every form of the page must send back as `_csrf`. */
  csrf: string;
}

type Args = { request: Request; context: AppLoadContext };

type FoundSession = { user: SessionUser; sessionId: string } | null;

/** Sessions already looked up, per request: the root and the page's loaders ask once between them. */
const looked = new WeakMap<AppLoadContext, Promise<FoundSession>>();

/** The signed-in user and their session id, or null. */
export function currentSession(args: Args): Promise<FoundSession> {
  let found = looked.get(args.context);
  if (!found) {
    found = lookUpSession(args);
    looked.set(args.context, found);
    // A refusal is not kept: the next caller asks again.
    found.catch(() => looked.delete(args.context));
  }
  return found;
}

async function lookUpSession({ request, context }: Args): Promise<FoundSession> {
  const found = await context.auth.api.getSession({ headers: request.headers });
  if (!found) return null;
  const u = found.user as typeof found.user & { locale?: string; isPlatformAdmin?: boolean };
  return {
    sessionId: found.session.id,
    user: {
      id: u.id,
      email: u.email,
      name: u.name,
      locale: isLocale(u.locale) ? u.locale : 'en',
      emailVerified: u.emailVerified,
      isPlatformAdmin: u.isPlatformAdmin === true,
    },
  };
}

function hmac(context: AppLoadContext, value: string): string {
  return sign(context.settings.signingKey, value);
}

/** The CSRF token of a signed-in person's forms: a keyed hash of their session id. */
export function sessionCsrf(context: AppLoadContext, sessionId: string): string {
  return hmac(context, `csrf:${sessionId}`);
}

/** Equal strings, compared in constant time. */
export function sameToken(a: unknown, b: string): boolean {
  return sameSignature(a, b);
}

/** Where an anonymous visitor is sent: the sign-in page, coming back here afterwards. */
function signInRedirect(request: Request, locale: Locale): Response {
  const url = new URL(request.url);
  const next = request.method === 'GET' ? `${url.pathname}${url.search}` : url.pathname;
  return redirect(`${pathTo(locale, 'signIn')}?next=${encodeURIComponent(next)}`);
}

/** Loaders of the organizer area: the signed-in organizer, or a redirect to sign-in. */
export async function requireOrganizer(args: Args, locale: Locale): Promise<Organizer> {
  const session = await currentSession(args);
  if (!session) throw signInRedirect(args.request, locale);
  return {
    user: session.user,
    ctx: createContext(args.context.handle.db, {
      now: new Date(),
      locale,
      settings: args.context.settings,
      actor: { type: 'user', userId: session.user.id },
    }),
    csrf: sessionCsrf(args.context, session.sessionId),
  };
}

/** Actions of the organizer area: as `requireOrganizer`, plus the posted form, whose CSRF token must match. */
export async function requireOrganizerForm(args: Args, locale: Locale): Promise<Organizer & { form: FormData }> {
  const organizer = await requireOrganizer(args, locale);
  const form = await args.request.formData();
  if (!sameToken(form.get('_csrf'), organizer.csrf)) throw data(getT(locale)('account.errors.csrf'), { status: 403 });
  return { ...organizer, form };
}

// Read once per request: the admin frame's loader and the page's run side by side (app/routes/admin-frame.tsx).
const loadAdmin = oncePerRequest(async (args: Args & { locale: Locale }): Promise<Organizer> => {
  const organizer = await requireOrganizer(args, args.locale);
  if (!organizer.user.isPlatformAdmin) throw data(getT(args.locale)('errors.notFound'), { status: 404 });
  return organizer;
});

/** The platform admin area: administrators only; anyone else is told the page does not exist. */
export function requirePlatformAdminUser(args: Args, locale: Locale): Promise<Organizer> {
  return loadAdmin({ ...args, locale });
}

// --- forms of people not signed in (sign-in, sign-up, password reset): double-submit cookie ---

const CSRF_COOKIE = 'cercle_csrf';

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/**
 * The CSRF token of a visitor's forms, and the Set-Cookie header to send when the visitor has none
 * yet. The token is a keyed hash of a random cookie value, so a page of another site can neither
 * read nor forge it.
 */
export function visitorCsrf(args: Args): { csrf: string; headers: HeadersInit } {
  const existing = cookieValue(args.request, CSRF_COOKIE);
  const value = existing && /^[A-Za-z0-9_-]{20,}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
  const secure = args.context.settings.publicUrl.startsWith('https://') ? '; Secure' : '';
  return {
    csrf: hmac(args.context, `visitor:${value}`),
    headers: existing === value ? {} : { 'Set-Cookie': `${CSRF_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${secure}` },
  };
}

/** Reads a visitor's posted form and checks its CSRF token against their cookie (403 otherwise). */
export async function visitorForm(args: Args, locale: Locale): Promise<FormData> {
  const form = await args.request.formData();
  const value = cookieValue(args.request, CSRF_COOKIE);
  if (!value || !sameToken(form.get('_csrf'), hmac(args.context, `visitor:${value}`))) {
    throw data(getT(locale)('account.errors.csrf'), { status: 403 });
  }
  return form;
}
