import { and, eq } from 'drizzle-orm';
import { communityMembers, users, type Locale } from '../../db/schema';
import type { Context } from '../context';
import { enqueueEmail, type NoticeTemplate } from '../email/enqueue';
import { pathTo, type Page } from '../../app/lib/paths';
import type { CommunityTopic } from '../participants/manage-link';
import type { CommunityGroup } from './access';

// What an act in a community leaves behind: a line in the organization's audit log, and an email
// to the member it concerns, in the language they joined in.

/** The full address of one of a community's pages, in a language (the community's slug in that language). */
export function communityPageUrl(
  ctx: Context,
  group: Pick<CommunityGroup, 'slug' | 'slugFr'>,
  locale: Locale,
  page: Extract<Page, `community${string}`>,
  params: Record<string, string> = {},
): string {
  const slug = locale === 'fr' ? (group.slugFr ?? group.slug) : group.slug;
  return new URL(pathTo(locale, page, { ...params, slug }), ctx.settings.publicUrl).toString();
}

/** A post of the community, in a language. */
export function postUrl(ctx: Context, group: Pick<CommunityGroup, 'slug' | 'slugFr'>, postId: string, locale: Locale): string {
  return communityPageUrl(ctx, group, locale, 'communityPost', { post: postId });
}

/** Where the community is, in a language: its page in that language. */
export function communityUrl(ctx: Context, group: Pick<CommunityGroup, 'slug' | 'slugFr'>, locale: Locale): string {
  return communityPageUrl(ctx, group, locale, 'community');
}


export interface MemberNotice {
  userId: string;
  template: Extract<NoticeTemplate, `community_${string}`>;
  /** Makes the message once: the same key is never sent twice. */
  key: string;
  /** The moderator's words (a reason), shown as written. */
  message?: string | null;
  /** Variables of its strings; a function when they depend on the member's language. */
  vars?: Record<string, string> | ((locale: Locale) => Record<string, string>);
  /** Where the message leads, in the member's language (default: the community's page). */
  url?: (locale: Locale) => string;
  /** For mail the member chose (replies, digest): the kind a one-click link in it stops. */
  unsubscribe?: CommunityTopic;
}

/** Emails a member about their membership or their writing, in the language they joined in. */
export async function tellMember(tx: Context, group: CommunityGroup, notice: MemberNotice) {
  const [person] = await tx.db
    .select({ email: users.email, nickname: users.nickname, locale: communityMembers.locale, memberId: communityMembers.id })
    .from(users)
    .leftJoin(communityMembers, and(eq(communityMembers.userId, users.id), eq(communityMembers.groupId, group.id)))
    .where(eq(users.id, notice.userId));
  if (!person) return;
  const locale: Locale = person.locale ?? 'en';
  const title = locale === 'fr' ? (group.titleFr ?? group.titleEn) : (group.titleEn ?? group.titleFr);
  await enqueueEmail(tx, {
    key: notice.key,
    to: person.email,
    locale,
    template: notice.template,
    payload: {
      ...(person.nickname ? { name: person.nickname } : {}),
      vars: { community: title ?? '', ...(typeof notice.vars === 'function' ? notice.vars(locale) : notice.vars) },
      url: notice.url ? notice.url(locale) : communityUrl(tx, group, locale),
      ...(notice.message ? { message: notice.message } : {}),
      ...(notice.unsubscribe && person.memberId ? { unsubscribe: { memberId: person.memberId, topic: notice.unsubscribe } } : {}),
    },
  });
}

/** A moment as a member reads it, in the community's time zone. */
export function memberTime(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}

export { audit } from '../audit/write-audit';
