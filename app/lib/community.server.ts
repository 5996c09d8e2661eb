import { data, redirect, type AppLoadContext } from 'react-router';
import type { TFunction } from 'i18next';
import { createContext, type Context } from '../../core/context';
import { CoreError } from '../../core/errors';
import { dismissReports, removeContent, restoreContent, sanctionMember, type QueueItem } from '../../core/communities/moderation';
import { groupSlugs } from '../../core/groups/slugs';
import { getCommunity } from '../../core/communities/community-page';
import { formatSessionTime } from './format';
import { getT, type Locale } from '../../i18n';
import { currentSession, sameToken, sessionCsrf, type SessionUser } from './auth.server';
import { localeOfPath, pathTo } from './paths';

import { formProblem, type FormProblem } from './problem.server';
import { personField } from './signup.server';
import { field } from './form-values';


// Shared by the community pages: who is reading (anyone may open a community's page; its content is
// for members), the CSRF token of their forms, and core errors as messages.

type Args = { request: Request; context: AppLoadContext; params: Record<string, string | undefined> };

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
      files: args.context.files,
      ...(session ? { actor: { type: 'user' as const, userId: session.user.id } } : {}),
    }),
    csrf: session ? sessionCsrf(args.context, session.sessionId) : null,
  };
}

/**
 * For the pages of a community's members (people, messages): the visitor and the community's page;
 * anyone else is sent to the community's page, which says how to join.
 */
export async function memberPage(args: Args) {
  const visitor = await communityVisitor(args);
  const page = await getCommunity({ ctx: visitor.ctx, input: { community: String(args.params.slug ?? '') } }).catch((err: unknown) => communityNotFound(err, visitor.locale));
  const communityHref = pathTo(visitor.locale, 'community', { slug: page.group.slugs[visitor.locale] });
  if (page.viewer.status !== 'member' || !visitor.csrf) throw redirect(communityHref);
  return { ...visitor, csrf: visitor.csrf, page, communityHref };
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

/** The reaction a button of `ReactionButtons` sends: its kind, and whether it is given or taken back. */
export function reactionOf(form: FormData): { kind: never; on: boolean } {
  const [kind, on] = field(form, 'reaction').split(':');
  return { kind: (kind ?? '') as never, on: on === 'on' };
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

/** The form field of a community page for a field of core's input. */
function communityField(path: string): string {
  if (path.startsWith('images')) return 'image';
  if (path === 'acceptRules') return 'rules';
  return personField(path);
}

/** A core refusal as a community page says it: per field for invalid input, else one sentence and a status. */
export function communityError(err: unknown, t: TFunction): FormProblem {
  return formProblem(err, t, 'community', { field: communityField });
}

/** The moderators' forms of the queue (a community's, or the organization's): one act, and what to say after it. */
export async function moderate(ctx: Context, form: FormData): Promise<'removed' | 'restored' | 'dismissed' | 'muted' | 'banned' | 'reinstated'> {
  const target = { postId: field(form, 'postId') || undefined, commentId: field(form, 'commentId') || undefined };
  const memberId = field(form, 'memberId');
  switch (field(form, 'intent')) {
    case 'remove':
      await removeContent({ ctx, input: { ...target, reason: field(form, 'reason') } });
      return 'removed';
    case 'restore':
      await restoreContent({ ctx, input: target });
      return 'restored';
    case 'dismiss': {
      const messageId = field(form, 'messageId');
      await dismissReports({ ctx, input: memberId ? { memberId } : messageId ? { messageId } : target });
      return 'dismissed';
    }
    case 'mute':
      await sanctionMember({ ctx, input: { memberId, sanction: 'mute', days: Number(field(form, 'days')), reason: field(form, 'reason') } });
      return 'muted';
    case 'ban':
      await sanctionMember({ ctx, input: { memberId, sanction: 'ban', reason: field(form, 'reason') } });
      return 'banned';
    case 'reinstate':
      await sanctionMember({ ctx, input: { memberId, sanction: 'restore' } });
      return 'reinstated';
    default:
      throw new CoreError('invalid', 'unknown moderation act', [{ path: 'intent', message: 'unknown' }]);
  }
}

/** What a moderation act says afterwards (the `done` of the page). */
export const MODERATED = ['removed', 'restored', 'dismissed', 'muted', 'banned', 'reinstated'] as const;

/** The queue as the page shows it, in the reader's language and each community's time. */
export function queueView(items: QueueItem[], locale: Locale) {
  return items.map((i) => {
    const slugs = groupSlugs(i.community);
    return {
      ...i,
      when: formatSessionTime(i.firstAt, i.community.timeZone, locale),
      iso: i.firstAt.toISOString(),
      communityHref: pathTo(locale, 'community', { slug: slugs[locale] }),
      postHref: i.postId ? pathTo(locale, 'communityPost', { slug: slugs[locale], post: i.postId }) : null,
      mutedUntil: i.author.mutedUntil ? formatSessionTime(i.author.mutedUntil, i.community.timeZone, locale) : null,
    };
  });
}
export type QueueEntry = ReturnType<typeof queueView>[number];
