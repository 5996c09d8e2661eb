import { data, redirect, type AppLoadContext } from 'react-router';
import type { TFunction } from 'i18next';
import { createContext, type Context } from '../../core/context';
import { CoreError } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { currentSession, sameToken, sessionCsrf, type SessionUser } from './auth.server';
import { localeOfPath, pathTo } from './paths';
import { field } from './running.server';

export { field };

// Shared by the community pages: who is reading (anyone may open a community's page; its content is
// for members), the CSRF token of their forms, and core errors as messages.

type Args = { request: Request; context: AppLoadContext };

export interface CommunityVisitor {
  locale: Locale;
  user: SessionUser | null;
  ctx: Context;
  /** The token of the forms (signed-in people only: there is nothing else to post). */
  csrf: string | null;
}

export async function communityVisitor(args: Args): Promise<CommunityVisitor> {
  const locale = localeOfPath(new URL(args.request.url).pathname) ?? 'en';
  const session = await currentSession(args);
  return {
    locale,
    user: session?.user ?? null,
    ctx: createContext(args.context.handle.db, {
      now: new Date(),
      locale,
      settings: args.context.settings,
      ...(session ? { actor: { type: 'user' as const, userId: session.user.id } } : {}),
    }),
    csrf: session ? sessionCsrf(args.context, session.sessionId) : null,
  };
}

/** For actions: a signed-in person's posted form, its CSRF token checked (others go to sign in). */
export async function communityForm(args: Args): Promise<CommunityVisitor & { user: SessionUser; form: FormData }> {
  const visitor = await communityVisitor(args);
  if (!visitor.user || !visitor.csrf) {
    throw redirect(`${pathTo(visitor.locale, 'signIn')}?next=${encodeURIComponent(new URL(args.request.url).pathname)}`);
  }
  const form = await args.request.formData();
  if (!sameToken(form.get('_csrf'), visitor.csrf)) throw data(getT(visitor.locale)('account.errors.csrf'), { status: 403 });
  return { ...visitor, user: visitor.user, form };
}

/** Where a form goes back to: the page it was sent from (with its order and page), never elsewhere. */
export function backTo(form: FormData, here: string): string {
  const back = field(form, 'back');
  return back.startsWith(`${here}?`) || back === here ? back : here;
}

/** A community that does not exist (or is not one) is a 404 page in the reader's language. */
export function communityNotFound(err: unknown, locale: Locale): never {
  if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) {
    throw data(getT(locale)('errors.notFound'), { status: 404 });
  }
  throw err;
}

export interface CommunityProblem {
  status: number;
  message: string;
  fields: Record<string, string>;
}

/** A core refusal as the page says it: per field for invalid input, else one sentence and a status. */
export function communityError(err: unknown, t: TFunction): CommunityProblem {
  if (!(err instanceof CoreError)) throw err;
  if (err.code === 'invalid') {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      if (issue.path.startsWith('answers.')) fields[`answer.${issue.path.slice('answers.'.length)}`] = t('community.errors.answer');
      else if (issue.path === 'nickname') fields.nickname = t('community.errors.nickname');
      else if (issue.path === 'acceptRules') fields.rules = t('community.errors.rules');
      else if (issue.path === 'body') fields.body = t('community.errors.body');
    }
    return { status: 400, message: t('community.errors.summary'), fields };
  }
  if (err.code === 'forbidden') {
    const message = err.reason === 'not_a_member' ? t('community.errors.notMember') : err.reason === 'pending' ? t('community.errors.pending') : t('community.errors.forbidden');
    return { status: 403, message, fields: {} };
  }
  if (err.code === 'not_found') return { status: 404, message: t('community.errors.notFound'), fields: {} };
  if (err.code === 'conflict') return { status: 409, message: t('community.errors.already'), fields: {} };
  throw err;
}
