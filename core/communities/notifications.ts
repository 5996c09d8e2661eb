import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { communityMembers, communityPosts, emailOutbox, groups, users } from '../../db/schema';
import { getT } from '../../i18n';
import { parseInput, withTransaction, type Context } from '../context';
import { Forbidden } from '../errors';
import type { CommunityTopic } from '../participants/manage-link';
import { requireUserId } from '../policy/permissions';
import { communityAccess, type CommunityGroup } from './access';
import { postUrl, tellMember } from './record';

// The emails a member chooses, per community: replies to what they wrote (on by default) and a
// daily digest of new posts (off by default). Both go through the outbox in the member's
// language, keep anonymous authors anonymous, and carry a one-click link that stops that kind
// of email from that community (RFC 8058).

export const setNotificationsInput = z.object({ community: z.string().min(1).max(200), replies: z.boolean(), digest: z.boolean() });

/** A member chooses the emails they get from one community. */
export async function setNotifications({ ctx, input }: { ctx: Context; input: z.input<typeof setNotificationsInput> }) {
  const q = parseInput(setNotificationsInput, input);
  requireUserId(ctx);
  const access = await communityAccess(ctx, q.community);
  const m = access.membership;
  if (!m || m.status !== 'member') throw new Forbidden('only members get its emails', 'not_a_member');
  await ctx.db
    .update(communityMembers)
    // A digest switched on starts from now: no backlog of everything written before.
    .set({ notifyReplies: q.replies, digest: q.digest, digestUntil: q.digest && !m.digest ? ctx.now : m.digestUntil })
    .where(eq(communityMembers.id, m.id));
  return { replies: q.replies, digest: q.digest };
}

const TEMPLATE_OF = { replies: 'community_reply', digest: 'community_digest', messages: 'community_message' } as const;

/** Stops one kind of email from one community for a member (their one-click link); safe to repeat. */
export async function stopCommunityEmails(ctx: Context, memberId: string, topic: CommunityTopic): Promise<boolean> {
  const [row] = await ctx.db
    .update(communityMembers)
    .set(topic === 'replies' ? { notifyReplies: false } : topic === 'digest' ? { digest: false } : { notifyMessages: false })
    .where(eq(communityMembers.id, memberId))
    .returning({ id: communityMembers.id, userId: communityMembers.userId });
  if (!row) return false;
  // What was queued of that kind and not sent yet is dropped.
  const [person] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
  if (person) {
    await ctx.db
      .delete(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toEmail, person.email),
          eq(emailOutbox.template, TEMPLATE_OF[topic]),
          eq(emailOutbox.status, 'pending'),
          sql`${emailOutbox.payload} -> 'unsubscribe' ->> 'memberId' = ${memberId}`,
        ),
      );
  }
  return true;
}

/**
 * Tells the author of a post, and of the comment answered, that someone replied — unless they
 * wrote the reply, turned these emails off, or are no longer members. The reply's text is not in
 * the email (only the link to it), and an anonymous reply is "an anonymous member".
 */
export async function tellReplied(
  tx: Context,
  group: CommunityGroup,
  reply: { id: string; postId: string; authorId: string; anonymous: boolean },
  recipients: string[],
) {
  const to = [...new Set(recipients)].filter((id) => id !== reply.authorId);
  if (to.length === 0) return;
  const [members, [writer]] = await Promise.all([
    tx.db
      .select({ userId: communityMembers.userId })
      .from(communityMembers)
      .where(and(eq(communityMembers.groupId, group.id), inArray(communityMembers.userId, to), eq(communityMembers.status, 'member'), eq(communityMembers.notifyReplies, true))),
    tx.db.select({ nickname: users.nickname }).from(users).where(eq(users.id, reply.authorId)),
  ]);
  for (const m of members) {
    await tellMember(tx, group, {
      userId: m.userId,
      template: 'community_reply',
      key: `community_reply:${reply.id}:${m.userId}`,
      vars: (locale) => ({ who: reply.anonymous || !writer?.nickname ? getT(locale)('community.anAnonymousMember') : writer.nickname }),
      url: (locale) => postUrl(tx, group, reply.postId, locale),
      unsubscribe: 'replies',
    });
  }
}

/** How many posts a digest lists by name; the rest are counted. */
const DIGEST_POSTS = 10;
const DAY = 24 * 60 * 60_000;

/**
 * Queues the daily digests that are due: for each member who chose one, the posts written in the
 * community since their last digest by others (neither deleted nor removed), at most once a day.
 * A member with nothing new gets nothing, and is looked at again a day later.
 */
export async function queueCommunityDigests(ctx: Context): Promise<number> {
  const due = await ctx.db
    .select({ m: communityMembers, g: groups })
    .from(communityMembers)
    .innerJoin(groups, eq(groups.id, communityMembers.groupId))
    .where(
      and(
        eq(communityMembers.digest, true),
        eq(communityMembers.status, 'member'),
        or(isNull(communityMembers.digestUntil), lte(communityMembers.digestUntil, new Date(ctx.now.getTime() - DAY))),
        eq(groups.status, 'published'),
      ),
    )
    .limit(500);
  let queued = 0;
  for (const { m, g } of due) {
    const since = m.digestUntil ?? m.decidedAt ?? ctx.now;
    const posts = await ctx.db
      .select({ id: communityPosts.id, body: communityPosts.body, anonymous: communityPosts.anonymous, authorId: communityPosts.authorId, nickname: users.nickname })
      .from(communityPosts)
      .leftJoin(users, eq(users.id, communityPosts.authorId))
      .where(
        and(
          eq(communityPosts.groupId, g.id),
          gt(communityPosts.createdAt, since),
          lte(communityPosts.createdAt, ctx.now),
          isNull(communityPosts.deletedAt),
          isNull(communityPosts.removedAt),
          or(isNull(communityPosts.authorId), ne(communityPosts.authorId, m.userId)),
        ),
      )
      .orderBy(asc(communityPosts.createdAt));
    await withTransaction(ctx, async (tx) => {
      await tx.db.update(communityMembers).set({ digestUntil: tx.now }).where(eq(communityMembers.id, m.id));
      if (posts.length === 0) return;
      const t = getT(m.locale);
      const lines = posts.slice(0, DIGEST_POSTS).map((p) => `${byline(t, p)} — ${excerpt(p.body)}`);
      if (posts.length > DIGEST_POSTS) lines.push(t('community.digestMore', { count: posts.length - DIGEST_POSTS }));
      await tellMember(tx, g, {
        userId: m.userId,
        template: 'community_digest',
        key: `community_digest:${m.id}:${tx.now.toISOString().slice(0, 10)}`,
        vars: { count: String(posts.length) },
        message: lines.join('\n\n'),
        unsubscribe: 'digest',
      });
      queued++;
    });
  }
  return queued;
}

/** The start of a post as plain words: Markdown marks dropped, cut at a word near 160 characters. */
function excerpt(body: string): string {
  const plain = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= 160) return plain;
  return `${plain.slice(0, 160).replace(/\s+\S*$/, '')}…`;
}

/** Who wrote a post, as the digest names them. */
function byline(t: ReturnType<typeof getT>, p: { anonymous: boolean; authorId: string | null; nickname: string | null }): string {
  if (p.anonymous) return t('community.anonymousMember');
  if (p.authorId === null) return t('community.deletedMember');
  return p.nickname ?? t('community.anonymousMember');
}
