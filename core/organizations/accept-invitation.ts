import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizationInvitations, organizationMembers, organizations, users, type MemberRole } from '../../db/schema';
import { withTransaction, type Context } from '../context';
import { Conflict, Forbidden, NotFound } from '../errors';
import { requireUserId } from '../policy/permissions';
import { audit, hashToken } from './shared';

export const invitationTokenInput = z.object({ token: z.string().trim().min(20).max(200) });

/**
 * Where an invitation stands for the person holding its link:
 * - `pending`: they may accept it;
 * - `wrong_email`: it was sent to another address than their account's;
 * - `unverified`: their account's address is not confirmed yet;
 * - `member`: they already belong to the organization;
 * - `expired`, `revoked`, `accepted`: it no longer works.
 */
export type InvitationState = 'pending' | 'wrong_email' | 'unverified' | 'member' | 'expired' | 'revoked' | 'accepted';

export interface InvitationDetails {
  state: InvitationState;
  organization: { id: string; slug: string; nameEn: string; nameFr: string | null };
  role: MemberRole;
  /** The address it was sent to, partly hidden (enough to know which account to sign in with). */
  sentTo: string;
  expiresAt: Date;
}

/** `j•••@example.org`: the first letter and the domain. */
function mask(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

async function load(ctx: Context, token: string, lock: boolean) {
  const base = ctx.db
    .select({
      inv: organizationInvitations,
      org: { id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr },
    })
    .from(organizationInvitations)
    .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
    .where(eq(organizationInvitations.tokenHash, hashToken(token)));
  const [row] = lock ? await base.for('update', { of: organizationInvitations }) : await base;
  if (!row) throw new NotFound('invitation');
  return row;
}

async function stateFor(ctx: Context, userId: string, inv: typeof organizationInvitations.$inferSelect): Promise<InvitationState> {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= ctx.now.getTime()) return 'expired';
  const [user] = await ctx.db.select({ email: users.email, verified: users.emailVerified }).from(users).where(eq(users.id, userId));
  if (!user || user.email.toLowerCase() !== inv.email.toLowerCase()) return 'wrong_email';
  const [member] = await ctx.db
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, inv.organizationId), eq(organizationMembers.userId, userId)));
  if (member) return 'member';
  return user.verified ? 'pending' : 'unverified';
}

/** What the invitation page shows to the signed-in person who followed the link. */
export async function getInvitation({ ctx, input }: { ctx: Context; input: { token: string } }): Promise<InvitationDetails> {
  const userId = requireUserId(ctx);
  // A token that cannot be one is simply not found, like a token that was never issued.
  const parsed = invitationTokenInput.safeParse(input);
  if (!parsed.success) throw new NotFound('invitation');
  const { inv, org } = await load(ctx, parsed.data.token, false);
  return { state: await stateFor(ctx, userId, inv), organization: org, role: inv.role, sentTo: mask(inv.email), expiresAt: inv.expiresAt };
}

const REFUSALS: Record<Exclude<InvitationState, 'pending'>, () => Error> = {
  wrong_email: () => new Forbidden('this invitation was sent to another email address'),
  unverified: () => new Forbidden('confirm your email address before accepting an invitation'),
  member: () => new Conflict('you are already a member of this organization', 'already_member'),
  expired: () => new Conflict('this invitation has expired'),
  revoked: () => new Conflict('this invitation was withdrawn'),
  accepted: () => new Conflict('this invitation was already used'),
};

/**
 * Joins the organization with the invited role. Only the signed-in person whose (confirmed)
 * account email is the invited address may accept, once, before it expires or is withdrawn.
 */
export async function acceptInvitation({
  ctx,
  input,
}: {
  ctx: Context;
  input: { token: string };
}): Promise<{ organizationId: string; slug: string; role: MemberRole }> {
  const userId = requireUserId(ctx);
  const parsed = invitationTokenInput.safeParse(input);
  if (!parsed.success) throw new NotFound('invitation');
  const q = parsed.data;
  return withTransaction(ctx, async (tx) => {
    // The row lock makes a second, simultaneous acceptance wait and then see it used.
    const { inv, org } = await load(tx, q.token, true);
    const state = await stateFor(tx, userId, inv);
    if (state !== 'pending') throw REFUSALS[state]();
    await tx.db.insert(organizationMembers).values({ organizationId: org.id, userId, role: inv.role, createdAt: tx.now });
    await tx.db.update(organizationInvitations).set({ acceptedAt: tx.now }).where(eq(organizationInvitations.id, inv.id));
    await audit(tx, {
      organizationId: org.id,
      action: 'member.joined',
      entityType: 'member',
      entityId: userId,
      data: { invitationId: inv.id, role: inv.role },
    });
    return { organizationId: org.id, slug: org.slug, role: inv.role };
  });
}
