import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { organizationInvitations, organizationMembers, users, type MemberRole } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { can, requirePermission, requireUserId } from '../policy/permissions';
import { uuidInput } from './shared';

export const listMembersInput = z.object({ organizationId: uuidInput });

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  since: Date;
  isMe: boolean;
}

export interface InvitationView {
  id: string;
  email: string;
  role: MemberRole;
  invitedByName: string | null;
  expiresAt: Date;
  createdAt: Date;
}

const ROLE_ORDER = sql`case ${organizationMembers.role} when 'owner' then 0 when 'admin' then 1 else 2 end`;

/**
 * Who is in the organization (every member may see it) and, for those who manage members, the
 * invitations still waiting for an answer. `invitations` is null for the others.
 */
export async function listMembers({
  ctx,
  input,
}: {
  ctx: Context;
  input: { organizationId: string };
}): Promise<{ members: MemberView[]; invitations: InvitationView[] | null; myRole: MemberRole }> {
  const me = requireUserId(ctx);
  const q = parseInput(listMembersInput, input);
  const myRole = await requirePermission(ctx, q.organizationId, 'organization.view');
  const rows = await ctx.db
    .select({
      userId: organizationMembers.userId,
      name: users.name,
      email: users.email,
      role: organizationMembers.role,
      since: organizationMembers.createdAt,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, q.organizationId))
    .orderBy(ROLE_ORDER, asc(users.name), asc(users.id));
  const members = rows.map((r) => ({ ...r, isMe: r.userId === me }));
  if (!can(myRole, 'members.manage')) return { members, invitations: null, myRole };
  const invitations = await ctx.db
    .select({
      id: organizationInvitations.id,
      email: organizationInvitations.email,
      role: organizationInvitations.role,
      invitedByName: users.name,
      expiresAt: organizationInvitations.expiresAt,
      createdAt: organizationInvitations.createdAt,
    })
    .from(organizationInvitations)
    .leftJoin(users, eq(users.id, organizationInvitations.invitedBy))
    .where(
      and(
        eq(organizationInvitations.organizationId, q.organizationId),
        isNull(organizationInvitations.acceptedAt),
        isNull(organizationInvitations.revokedAt),
        gt(organizationInvitations.expiresAt, ctx.now),
      ),
    )
    .orderBy(asc(organizationInvitations.createdAt), asc(organizationInvitations.id));
  return { members, invitations, myRole };
}
