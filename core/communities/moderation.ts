import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { communityComments, communityConversations, communityMembers, communityMessages, communityPosts, communityReports, groups, REPORT_REASONS, users, type ReportReason } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid, NotFound } from '../errors';
import { requirePermission } from '../policy/permissions';
import { bilingual, type Bilingual } from '../text';
import { requireCommunity, type CommunityAccess } from './access';
import { countCommunityAction } from './limits';
import { audit, memberTime, tellMember } from './record';
import { renderPlainText } from './markdown';

// Moderation (SPEC §4): members report a post, a comment or the person who wrote one; the crisis
// words report on their own. Moderators work from a queue — crisis first — and remove content
// (the author is told why), mute a member for some days, ban, or restore; each of their acts is in
// the organization's audit log. Reporters stay unknown to the person reported.

const reason = z.string().trim().max(1000);
const optionalReason = reason.optional().transform((v) => v || undefined);

/** What a report or a moderator's act is about: one post or one comment. */
const contentTarget = { postId: z.uuid().optional(), commentId: z.uuid().optional() };
const oneTarget = (v: { postId?: string | undefined; commentId?: string | undefined }) => (v.postId == null) !== (v.commentId == null);
const oneTargetIssue = { message: 'a post or a comment', path: ['postId'] };

export const reportInput = z
  .object({
    ...contentTarget,
    /** Reports the person who wrote it rather than what they wrote (an anonymous author stays anonymous to the reporter). */
    aboutAuthor: z.boolean().default(false),
    reason: z.enum(REPORT_REASONS),
    details: optionalReason,
  })
  .refine(oneTarget, oneTargetIssue)
  .refine((v) => v.reason !== 'other' || v.details, { message: 'say what is wrong', path: ['details'] });

/**
 * A member reports a post, a comment or its author to the community's moderators. Reporting the
 * same thing again while the first report is open changes nothing; one's own writing is not
 * reported. Reports count against the reporter's share (new members have fewer).
 */
export async function report({ ctx, input }: { ctx: Context; input: z.input<typeof reportInput> }) {
  const q = parseInput(reportInput, input);
  const target = await contentOf(ctx, q);
  const access = await requireCommunity(ctx, target.groupId, 'community.read');
  if (target.authorId === access.userId) throw new Conflict('one does not report oneself', 'own');
  let where: { postId?: string; commentId?: string; memberId?: string } = target.kind === 'post' ? { postId: target.id } : { commentId: target.id };
  if (q.aboutAuthor) {
    // The author deleted their account: there is nobody left to report.
    if (target.authorId === null) throw new NotFound('member');
    const [author] = await ctx.db
      .select({ id: communityMembers.id })
      .from(communityMembers)
      .where(and(eq(communityMembers.groupId, target.groupId), eq(communityMembers.userId, target.authorId)));
    if (!author) throw new NotFound('member');
    where = { memberId: author.id };
  }
  await countCommunityAction(ctx, access, 'report');
  const [already] = await ctx.db
    .select({ id: communityReports.id })
    .from(communityReports)
    .where(and(targetIs(where), eq(communityReports.reporterId, access.userId), isNull(communityReports.resolvedAt)));
  if (already) return { reportId: already.id };
  const [row] = await ctx.db
    .insert(communityReports)
    .values({ groupId: target.groupId, ...where, reporterId: access.userId, reason: q.reason, details: q.details ?? null, createdAt: ctx.now })
    .returning({ id: communityReports.id });
  return { reportId: row!.id };
}

export const reportMessageInput = z
  .object({ messageId: z.uuid(), reason: z.enum(REPORT_REASONS), details: optionalReason })
  .refine((v) => v.reason !== 'other' || v.details, { message: 'say what is wrong', path: ['details'] });

/**
 * The member who received a private message reports it: the one way a message reaches the
 * moderators. Anyone else — its sender, another member, the organization — is told it is not found.
 */
export async function reportMessage({ ctx, input }: { ctx: Context; input: z.input<typeof reportMessageInput> }) {
  const q = parseInput(reportMessageInput, input);
  const message = await messageOf(ctx, q.messageId);
  const access = await requireCommunity(ctx, message.groupId, 'community.read').catch(() => null);
  const me = access?.membership?.status === 'member' ? access.membership.id : null;
  if (!access || !me || me === message.senderId || (me !== message.a && me !== message.b)) throw new NotFound('message');
  await countCommunityAction(ctx, access, 'report');
  const [already] = await ctx.db
    .select({ id: communityReports.id })
    .from(communityReports)
    .where(and(eq(communityReports.messageId, message.id), eq(communityReports.reporterId, access.userId), isNull(communityReports.resolvedAt)));
  if (already) return { reportId: already.id };
  const [row] = await ctx.db
    .insert(communityReports)
    .values({ groupId: message.groupId, messageId: message.id, reporterId: access.userId, reason: q.reason, details: q.details ?? null, createdAt: ctx.now })
    .returning({ id: communityReports.id });
  return { reportId: row!.id };
}

/** Files the crisis words' own report on a post or comment just written or edited (once while open). */
export async function reportCrisis(tx: Context, groupId: string, target: { postId: string } | { commentId: string }) {
  const [open] = await tx.db
    .select({ id: communityReports.id })
    .from(communityReports)
    .where(and(targetIs(target), eq(communityReports.reason, 'crisis'), isNull(communityReports.resolvedAt)));
  if (open) return;
  await tx.db.insert(communityReports).values({ groupId, ...target, reporterId: null, reason: 'crisis', createdAt: tx.now });
}

export const removeContentInput = z.object({ ...contentTarget, reason: reason.min(1) }).refine(oneTarget, oneTargetIssue);

/**
 * A moderator removes a post or comment: the others no longer see it, its author sees it with the
 * reason and is emailed it, and the reports on it are closed. The text is kept so that it can be
 * restored.
 */
export async function removeContent({ ctx, input }: { ctx: Context; input: z.input<typeof removeContentInput> }) {
  const q = parseInput(removeContentInput, input);
  const target = await contentOf(ctx, q);
  const access = await requireCommunity(ctx, target.groupId, 'community.moderate');
  if (target.removedAt) throw new Conflict('already removed', 'already_removed');
  return withTransaction(ctx, async (tx) => {
    const removal = { removedAt: tx.now, removedBy: access.userId, removalReason: q.reason };
    if (target.kind === 'post') await tx.db.update(communityPosts).set(removal).where(eq(communityPosts.id, target.id));
    else await tx.db.update(communityComments).set(removal).where(eq(communityComments.id, target.id));
    await closeReports(tx, access, target.kind === 'post' ? { postId: target.id } : { commentId: target.id }, 'removed');
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: 'community.content_removed',
      entityType: `community_${target.kind}`,
      entityId: target.id,
      data: { reason: q.reason },
    });
    if (target.authorId) await tellMember(tx, access.group, { userId: target.authorId, template: 'community_removed', key: `community_removed:${target.id}:${tx.now.getTime()}`, message: q.reason });
    return { removed: true };
  });
}

export const restoreContentInput = z.object(contentTarget).refine(oneTarget, oneTargetIssue);

/** A moderator puts back a post or comment they removed. */
export async function restoreContent({ ctx, input }: { ctx: Context; input: z.input<typeof restoreContentInput> }) {
  const q = parseInput(restoreContentInput, input);
  const target = await contentOf(ctx, q);
  const access = await requireCommunity(ctx, target.groupId, 'community.moderate');
  if (!target.removedAt) throw new Conflict('not removed', 'not_removed');
  return withTransaction(ctx, async (tx) => {
    const back = { removedAt: null, removedBy: null, removalReason: null };
    if (target.kind === 'post') await tx.db.update(communityPosts).set(back).where(eq(communityPosts.id, target.id));
    else await tx.db.update(communityComments).set(back).where(eq(communityComments.id, target.id));
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: 'community.content_restored',
      entityType: `community_${target.kind}`,
      entityId: target.id,
    });
    return { restored: true };
  });
}

export const dismissReportsInput = z
  .object({ ...contentTarget, memberId: z.uuid().optional(), messageId: z.uuid().optional() })
  .refine((v) => [v.postId, v.commentId, v.memberId, v.messageId].filter(Boolean).length === 1, oneTargetIssue);

/** A moderator closes the open reports on something, leaving it as it is (the crisis flag included). */
export async function dismissReports({ ctx, input }: { ctx: Context; input: z.input<typeof dismissReportsInput> }) {
  const q = parseInput(dismissReportsInput, input);
  const groupId = q.memberId ? (await memberOf(ctx, q.memberId)).groupId : q.messageId ? (await messageOf(ctx, q.messageId)).groupId : (await contentOf(ctx, q)).groupId;
  const access = await requireCommunity(ctx, groupId, 'community.moderate');
  const where: ReportTarget = q.memberId ? { memberId: q.memberId } : q.messageId ? { messageId: q.messageId } : q.postId ? { postId: q.postId } : { commentId: q.commentId! };
  return withTransaction(ctx, async (tx) => {
    const closed = await closeReports(tx, access, where, 'dismissed');
    if (closed === 0) throw new Conflict('nothing open to dismiss', 'nothing_open');
    const entity = q.memberId ? 'community_member' : q.messageId ? 'community_message' : q.postId ? 'community_post' : 'community_comment';
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: 'community.reports_dismissed',
      entityType: entity,
      entityId: q.memberId ?? q.messageId ?? q.postId ?? q.commentId!,
      data: { reports: closed },
    });
    return { dismissed: closed };
  });
}

/** The longest a mute lasts; longer is a ban. */
export const MUTE_MAX_DAYS = 90;

export const sanctionInput = z.discriminatedUnion('sanction', [
  z.object({ memberId: z.uuid(), sanction: z.literal('mute'), days: z.coerce.number().int().min(1).max(MUTE_MAX_DAYS), reason: reason.min(1) }),
  z.object({ memberId: z.uuid(), sanction: z.literal('ban'), reason: reason.min(1) }),
  z.object({ memberId: z.uuid(), sanction: z.literal('restore') }),
]);

/**
 * A moderator mutes a member for some days (they read, they do not write), bans them (they lose
 * access and may not ask again), or restores them. The person is told why by email, in their
 * language, and the community's page says it to them. Moderators are sanctioned by the
 * organization's owners and admins only.
 */
export async function sanctionMember({ ctx, input }: { ctx: Context; input: z.input<typeof sanctionInput> }) {
  const q = parseInput(sanctionInput, input);
  const member = await memberOf(ctx, q.memberId);
  const access = await requireCommunity(ctx, member.groupId, member.role === 'moderator' ? 'community.manage' : 'community.moderate');
  if (member.userId === access.userId) throw new Conflict('one does not sanction oneself', 'own');
  if (q.sanction !== 'restore' && member.status !== 'member') throw new Conflict('only a member is muted or banned', 'not_a_member');
  if (q.sanction === 'restore' && member.status !== 'banned' && !(member.mutedUntil && member.mutedUntil > ctx.now)) {
    throw new Conflict('neither muted nor banned', 'not_sanctioned');
  }
  return withTransaction(ctx, async (tx) => {
    if (q.sanction === 'mute') {
      const until = new Date(tx.now.getTime() + q.days * 24 * 60 * 60_000);
      await tx.db.update(communityMembers).set({ mutedUntil: until, sanctionReason: q.reason }).where(eq(communityMembers.id, member.id));
      await closeReports(tx, access, { memberId: member.id }, 'muted');
      await audit(tx, {
        organizationId: access.group.organizationId,
        action: 'community.member_muted',
        entityType: 'community_member',
        entityId: member.id,
        data: { days: q.days, reason: q.reason },
      });
      await tellMember(tx, access.group, {
        userId: member.userId,
        template: 'community_muted',
        key: `community_muted:${member.id}:${tx.now.getTime()}`,
        message: q.reason,
        vars: { until: memberTime(until, member.locale, access.group.timeZone) },
      });
      return { mutedUntil: until };
    }
    if (q.sanction === 'ban') {
      await tx.db
        .update(communityMembers)
        .set({ status: 'banned', role: 'member', mutedUntil: null, sanctionReason: q.reason, decidedAt: tx.now, decidedBy: access.userId })
        .where(eq(communityMembers.id, member.id));
      await closeReports(tx, access, { memberId: member.id }, 'banned');
      await audit(tx, {
        organizationId: access.group.organizationId,
        action: 'community.member_banned',
        entityType: 'community_member',
        entityId: member.id,
        data: { reason: q.reason },
      });
      await tellMember(tx, access.group, { userId: member.userId, template: 'community_banned', key: `community_banned:${member.id}:${tx.now.getTime()}`, message: q.reason });
      return { banned: true };
    }
    await tx.db.update(communityMembers).set({ status: 'member', mutedUntil: null, sanctionReason: null }).where(eq(communityMembers.id, member.id));
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: 'community.member_restored',
      entityType: 'community_member',
      entityId: member.id,
    });
    return { restored: true };
  });
}

export const RULES_MAX = 5000;
export const updateRulesInput = z.object({
  community: z.string().min(1).max(200),
  rulesEn: z.string().trim().max(RULES_MAX),
  rulesFr: z.string().trim().max(RULES_MAX),
});

/** The community's moderators (and the organization's owners and admins) keep its rules, in both languages. */
export async function updateRules({ ctx, input }: { ctx: Context; input: z.input<typeof updateRulesInput> }) {
  const q = parseInput(updateRulesInput, input);
  const access = await requireCommunity(ctx, q.community, 'community.moderate');
  if (!q.rulesEn && !q.rulesFr) throw new Invalid([{ path: 'rulesEn', message: 'a community has rules' }]);
  return withTransaction(ctx, async (tx) => {
    await tx.db
      .update(groups)
      .set({ rulesEn: q.rulesEn || null, rulesFr: q.rulesFr || null, updatedAt: tx.now })
      .where(eq(groups.id, access.group.id));
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: 'community.rules_updated',
      entityType: 'group',
      entityId: access.group.id,
    });
    return { saved: true };
  });
}

// ——— The queue ———

export interface QueueReport {
  reason: ReportReason;
  details: string | null;
  at: Date;
}

export interface QueueItem {
  /** `post:<id>`, `comment:<id>` or `member:<id>`. */
  key: string;
  kind: 'post' | 'comment' | 'member' | 'message';
  id: string;
  community: { id: string; slug: string; slugFr: string | null; title: Bilingual; timeZone: string };
  /** The post to open (the post itself, or the one a comment answers). */
  postId: string | null;
  /** What was written (moderators see it even when removed). */
  html: string | null;
  removed: { reason: string | null } | null;
  /** Who wrote it, or who is reported: the moderators know even an anonymous author. */
  author: { memberId: string | null; nickname: string | null; anonymous: boolean; mutedUntil: Date | null; banned: boolean; moderator: boolean };
  crisis: boolean;
  reports: QueueReport[];
  firstAt: Date;
}

export const listQueueInput = z.union([z.object({ community: z.string().min(1).max(200) }), z.object({ organizationId: z.uuid() })]);

/**
 * The open reports of one community (its moderators), or of all the communities of an organization
 * (its owners and admins), one item per thing reported: crisis first, then the most reported, then
 * the oldest.
 */
export async function listQueue({ ctx, input }: { ctx: Context; input: z.input<typeof listQueueInput> }): Promise<QueueItem[]> {
  const q = parseInput(listQueueInput, input);
  let scope;
  if ('community' in q) {
    const access = await requireCommunity(ctx, q.community, 'community.moderate');
    scope = eq(communityReports.groupId, access.group.id);
  } else {
    await requirePermission(ctx, q.organizationId, 'community.moderate');
    scope = eq(groups.organizationId, q.organizationId);
  }
  const open = await ctx.db
    .select({ r: communityReports, g: { id: groups.id, slug: groups.slug, slugFr: groups.slugFr, titleEn: groups.titleEn, titleFr: groups.titleFr, timeZone: groups.timeZone } })
    .from(communityReports)
    .innerJoin(groups, eq(groups.id, communityReports.groupId))
    .where(and(scope, isNull(communityReports.resolvedAt)))
    .orderBy(asc(communityReports.createdAt))
    .limit(2000);
  const ids = (pick: (r: typeof communityReports.$inferSelect) => string | null) => [...new Set(open.map((o) => pick(o.r)).filter((x): x is string => x != null))];
  const [postIds, commentIds, memberIds, messageIds] = [ids((r) => r.postId), ids((r) => r.commentId), ids((r) => r.memberId), ids((r) => r.messageId)];
  const [posts, comments, members, messages] = await Promise.all([
    postIds.length ? ctx.db.select().from(communityPosts).where(inArray(communityPosts.id, postIds)) : [],
    commentIds.length ? ctx.db.select().from(communityComments).where(inArray(communityComments.id, commentIds)) : [],
    memberIds.length ? ctx.db.select().from(communityMembers).where(inArray(communityMembers.id, memberIds)) : [],
    messageIds.length
      ? ctx.db
          .select({ id: communityMessages.id, body: communityMessages.body, userId: communityMembers.userId })
          .from(communityMessages)
          .innerJoin(communityMembers, eq(communityMembers.id, communityMessages.senderId))
          .where(inArray(communityMessages.id, messageIds))
      : [],
  ]);
  // Authors of what is reported, as members of the community (for mute and ban), with nicknames.
  const authorIds = [
    ...new Set([...posts.map((p) => p.authorId), ...comments.map((c) => c.authorId), ...members.map((m) => m.userId), ...messages.map((m) => m.userId)]),
  ].filter((id): id is string => id !== null);
  const people = authorIds.length
    ? await ctx.db
        .select({ userId: users.id, nickname: users.nickname, m: communityMembers })
        .from(users)
        .leftJoin(communityMembers, eq(communityMembers.userId, users.id))
        .where(inArray(users.id, authorIds))
    : [];
  const personIn = (groupId: string, userId: string | null, anonymous: boolean): QueueItem['author'] => {
    const rows = people.filter((p) => p.userId === userId);
    const m = rows.find((p) => p.m?.groupId === groupId)?.m ?? null;
    return {
      memberId: m?.id ?? null,
      nickname: rows[0]?.nickname ?? null,
      anonymous,
      mutedUntil: m?.mutedUntil && m.mutedUntil > ctx.now ? m.mutedUntil : null,
      banned: m?.status === 'banned',
      moderator: m?.role === 'moderator',
    };
  };
  const items = new Map<string, QueueItem>();
  for (const { r, g } of open) {
    const kind = r.postId ? 'post' : r.commentId ? 'comment' : r.messageId ? 'message' : 'member';
    const id = (r.postId ?? r.commentId ?? r.messageId ?? r.memberId)!;
    const key = `${kind}:${id}`;
    let item = items.get(key);
    if (!item) {
      const community = { id: g.id, slug: g.slug, slugFr: g.slugFr, title: bilingual(g.titleEn, g.titleFr), timeZone: g.timeZone };
      const content = kind === 'post' ? posts.find((p) => p.id === id) : kind === 'comment' ? comments.find((c) => c.id === id) : undefined;
      const member = kind === 'member' ? members.find((m) => m.id === id) : undefined;
      const message = kind === 'message' ? messages.find((m) => m.id === id) : undefined;
      if ((kind === 'post' || kind === 'comment') && !content) continue;
      if ((kind === 'member' && !member) || (kind === 'message' && !message)) continue;
      const authorId = content ? content.authorId : message ? message.userId : member!.userId;
      item = {
        key,
        kind,
        id,
        community,
        postId: content ? ('postId' in content ? content.postId : content.id) : null,
        html: content ? (content.deletedAt ? null : content.html) : message ? renderPlainText(message.body) : null,
        removed: content?.removedAt ? { reason: content.removalReason } : null,
        author: personIn(g.id, authorId, content?.anonymous ?? false),
        crisis: false,
        reports: [],
        firstAt: r.createdAt,
      };
      items.set(key, item);
    }
    if (r.reason === 'crisis') item.crisis = true;
    item.reports.push({ reason: r.reason, details: r.details, at: r.createdAt });
  }
  return [...items.values()].sort(
    (a, b) => Number(b.crisis) - Number(a.crisis) || b.reports.length - a.reports.length || a.firstAt.getTime() - b.firstAt.getTime(),
  );
}

// ——— Shared ———

type Target = { kind: 'post'; id: string; postId: string } | { kind: 'comment'; id: string; postId: string };
type Content = Target & { groupId: string; authorId: string | null; removedAt: Date | null };

/** The post or comment an input names (not deleted by its author), with its community. */
async function contentOf(ctx: Context, q: { postId?: string | undefined; commentId?: string | undefined }): Promise<Content> {
  if (q.postId) {
    const [p] = await ctx.db
      .select({ id: communityPosts.id, groupId: communityPosts.groupId, authorId: communityPosts.authorId, removedAt: communityPosts.removedAt })
      .from(communityPosts)
      .where(and(eq(communityPosts.id, q.postId), isNull(communityPosts.deletedAt)));
    if (!p) throw new NotFound('post');
    return { kind: 'post', postId: p.id, ...p };
  }
  const [c] = await ctx.db
    .select({
      id: communityComments.id,
      postId: communityComments.postId,
      groupId: communityPosts.groupId,
      authorId: communityComments.authorId,
      removedAt: communityComments.removedAt,
    })
    .from(communityComments)
    .innerJoin(communityPosts, eq(communityPosts.id, communityComments.postId))
    .where(and(eq(communityComments.id, q.commentId!), isNull(communityComments.deletedAt)));
  if (!c) throw new NotFound('comment');
  return { kind: 'comment', ...c };
}

/** A private message with its conversation's community and its two members. */
async function messageOf(ctx: Context, id: string) {
  const [m] = await ctx.db
    .select({ id: communityMessages.id, senderId: communityMessages.senderId, groupId: communityConversations.groupId, a: communityConversations.memberA, b: communityConversations.memberB })
    .from(communityMessages)
    .innerJoin(communityConversations, eq(communityConversations.id, communityMessages.conversationId))
    .where(eq(communityMessages.id, id));
  if (!m) throw new NotFound('message');
  return m;
}

async function memberOf(ctx: Context, id: string) {
  const [m] = await ctx.db.select().from(communityMembers).where(eq(communityMembers.id, id));
  if (!m) throw new NotFound('member');
  return m;
}

type ReportTarget = { postId?: string; commentId?: string; memberId?: string; messageId?: string };

function targetIs(where: ReportTarget) {
  if (where.postId) return eq(communityReports.postId, where.postId);
  if (where.commentId) return eq(communityReports.commentId, where.commentId);
  if (where.messageId) return eq(communityReports.messageId, where.messageId);
  return eq(communityReports.memberId, where.memberId!);
}

/** Closes the open reports on a target with an outcome; answers how many. */
async function closeReports(
  tx: Context,
  access: CommunityAccess & { userId: string },
  where: ReportTarget,
  outcome: 'removed' | 'dismissed' | 'muted' | 'banned',
): Promise<number> {
  const closed = await tx.db
    .update(communityReports)
    .set({ resolvedAt: tx.now, resolvedBy: access.userId, outcome })
    .where(and(targetIs(where), eq(communityReports.groupId, access.group.id), isNull(communityReports.resolvedAt)))
    .returning({ id: communityReports.id });
  return closed.length;
}
