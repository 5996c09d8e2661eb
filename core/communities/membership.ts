import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { communityMembers, users } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Forbidden, NotFound } from '../errors';
import { checkAnswers } from '../registrations/shared';
import { labelAnswers, questionsOf } from '../running/shared';
import { communityAccess, requireCommunity, type CommunityAccess } from './access';
import { countJoinRequest } from './limits';
import { audit, tellMember } from './record';
import { requireUserId } from '../policy/permissions';

/** A nickname: what the community shows of a person. No real name is asked anywhere. */
export const nickname = z.string().trim().min(2).max(40);

export const requestToJoinInput = z.object({
  community: z.string().min(1).max(200),
  nickname,
  answers: z.record(z.string(), z.union([z.string().max(2000), z.boolean()])).default({}),
  acceptRules: z.literal(true),
});

/**
 * Asks to join a community: the answers to its questions and the acceptance of its rules. A
 * community that approves automatically takes the person at once; otherwise its moderators decide.
 * Asking again after a decline or after leaving starts a new request; asking while a request is
 * pending, or as a member, changes nothing. The person's nickname is kept on their account.
 */
export async function requestToJoin({ ctx, input }: { ctx: Context; input: z.input<typeof requestToJoinInput> }) {
  const q = parseInput(requestToJoinInput, input);
  const userId = requireUserId(ctx);
  const access = await communityAccess(ctx, q.community);
  const current = access.membership;
  if (current && (current.status === 'pending' || current.status === 'member')) return { status: current.status, memberId: current.id };
  if (current?.status === 'banned') throw new Forbidden('banned from this community', 'banned');
  await countJoinRequest(ctx, userId);
  const answers = await checkAnswers(ctx, access.group.id, q.answers);
  return withTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ nickname: q.nickname }).where(eq(users.id, userId));
    const status = access.group.autoApprove ? 'member' : 'pending';
    const fields = {
      status,
      role: 'member',
      answers,
      locale: tx.locale,
      rulesAcceptedAt: tx.now,
      requestedAt: tx.now,
      decidedAt: status === 'member' ? tx.now : null,
      decidedBy: null,
      declineReason: null,
      leftAt: null,
    } as const;
    const [row] = await tx.db
      .insert(communityMembers)
      .values({ groupId: access.group.id, userId, ...fields })
      .onConflictDoUpdate({ target: [communityMembers.groupId, communityMembers.userId], set: fields })
      .returning();
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: status === 'member' ? 'community.joined' : 'community.requested',
      entityType: 'community_member',
      entityId: row!.id,
    });
    if (status === 'member') await tellDecision(tx, access.group, row!, 'approved');
    return { status, memberId: row!.id };
  });
}

export const decideJoinRequestInput = z
  .object({
    memberId: z.uuid(),
    decision: z.enum(['approve', 'decline']),
    reason: z.string().trim().max(1000).optional(),
  })
  .transform((v) => ({ ...v, reason: v.reason || undefined }));

/** A moderator approves or declines a pending request; the person is emailed the decision in their language. */
export async function decideJoinRequest({ ctx, input }: { ctx: Context; input: z.input<typeof decideJoinRequestInput> }) {
  const q = parseInput(decideJoinRequestInput, input);
  const request = await memberRow(ctx, q.memberId);
  const access = await requireCommunity(ctx, request.groupId, 'community.moderate');
  return withTransaction(ctx, async (tx) => {
    const status = q.decision === 'approve' ? 'member' : 'declined';
    const [row] = await tx.db
      .update(communityMembers)
      .set({ status, decidedAt: tx.now, decidedBy: access.userId, declineReason: status === 'declined' ? (q.reason ?? null) : null })
      .where(and(eq(communityMembers.id, request.id), eq(communityMembers.status, 'pending')))
      .returning();
    if (!row) throw new Conflict('this request was already decided', 'already_decided');
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: status === 'member' ? 'community.request_approved' : 'community.request_declined',
      entityType: 'community_member',
      entityId: row.id,
    });
    await tellDecision(tx, access.group, row, status === 'member' ? 'approved' : 'declined');
    return { status };
  });
}

export const leaveCommunityInput = z.object({ community: z.string().min(1).max(200) });

/** Leaves a community (or withdraws a pending request) in one step. What the person wrote stays. */
export async function leaveCommunity({ ctx, input }: { ctx: Context; input: z.input<typeof leaveCommunityInput> }) {
  const q = parseInput(leaveCommunityInput, input);
  requireUserId(ctx);
  const access = await communityAccess(ctx, q.community);
  const m = access.membership;
  if (!m || (m.status !== 'member' && m.status !== 'pending')) return { left: false };
  await ctx.db.update(communityMembers).set({ status: 'left', role: 'member', leftAt: ctx.now }).where(eq(communityMembers.id, m.id));
  return { left: true };
}

export const setModeratorInput = z.object({ memberId: z.uuid(), moderator: z.boolean() });

/** The organization's owners and admins choose a community's moderators among its members. */
export async function setModerator({ ctx, input }: { ctx: Context; input: z.input<typeof setModeratorInput> }) {
  const q = parseInput(setModeratorInput, input);
  const member = await memberRow(ctx, q.memberId);
  const access = await requireCommunity(ctx, member.groupId, 'community.manage');
  if (member.status !== 'member') throw new Conflict('only a member can moderate', 'not_a_member');
  return withTransaction(ctx, async (tx) => {
    await tx.db
      .update(communityMembers)
      .set({ role: q.moderator ? 'moderator' : 'member' })
      .where(eq(communityMembers.id, member.id));
    await audit(tx, {
      organizationId: access.group.organizationId,
      action: q.moderator ? 'community.moderator_added' : 'community.moderator_removed',
      entityType: 'community_member',
      entityId: member.id,
    });
    return { role: q.moderator ? 'moderator' : 'member' };
  });
}

export const listJoinRequestsInput = z.object({ community: z.string().min(1).max(200) });

/** The pending requests of a community, oldest first, with the answers given (moderators only). */
export async function listJoinRequests({ ctx, input }: { ctx: Context; input: z.input<typeof listJoinRequestsInput> }) {
  const q = parseInput(listJoinRequestsInput, input);
  const access = await requireCommunity(ctx, q.community, 'community.moderate');
  const [rows, questions] = await Promise.all([
    ctx.db
      .select({ id: communityMembers.id, nickname: users.nickname, answers: communityMembers.answers, requestedAt: communityMembers.requestedAt })
      .from(communityMembers)
      .innerJoin(users, eq(users.id, communityMembers.userId))
      .where(and(eq(communityMembers.groupId, access.group.id), eq(communityMembers.status, 'pending')))
      .orderBy(asc(communityMembers.requestedAt)),
    questionsOf(ctx, access.group.id),
  ]);
  return rows.map((r) => ({ ...r, labelled: labelAnswers(questions, r.answers) }));
}

export const listMembersInput = z.object({ community: z.string().min(1).max(200) });

/** The members of a community with their standing, for those who choose its moderators (owners and admins). */
export async function listMembers({ ctx, input }: { ctx: Context; input: z.input<typeof listMembersInput> }) {
  const q = parseInput(listMembersInput, input);
  const access = await requireCommunity(ctx, q.community, 'community.manage');
  return ctx.db
    .select({ id: communityMembers.id, nickname: users.nickname, role: communityMembers.role, since: communityMembers.decidedAt })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(and(eq(communityMembers.groupId, access.group.id), eq(communityMembers.status, 'member')))
    .orderBy(desc(communityMembers.role), asc(users.nickname));
}

async function memberRow(ctx: Context, id: string) {
  const [row] = await ctx.db.select().from(communityMembers).where(eq(communityMembers.id, id));
  if (!row) throw new NotFound('join request');
  return row;
}

/** Emails a person the decision on their request, in the language they asked in. */
async function tellDecision(tx: Context, group: CommunityAccess['group'], member: typeof communityMembers.$inferSelect, decision: 'approved' | 'declined') {
  await tellMember(tx, group, {
    userId: member.userId,
    template: decision === 'approved' ? 'community_approved' : 'community_declined',
    key: `community:${member.id}:${decision}:${member.requestedAt.getTime()}`,
    message: decision === 'declined' ? member.declineReason : null,
  });
}
