import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { MEMBER_ROLES, organizationMembers, type MemberRole } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Forbidden, NotFound } from '../errors';
import { requirePermission, requireUserId } from '../policy/permissions';
import { keepAnOwner, lockOwners } from './owners';
import { audit, uuidInput } from './shared';

export const changeMemberRoleInput = z.object({
  organizationId: uuidInput,
  userId: z.string().trim().min(1).max(200),
  role: z.enum(MEMBER_ROLES, { error: 'required' }),
});

/**
 * Gives a member another role (owners and admins). Only an owner may make someone owner or change
 * an owner's role, and the last owner can never be demoted.
 */
export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: Context;
  input: { organizationId: string; userId: string; role: MemberRole };
}): Promise<{ from: MemberRole; to: MemberRole }> {
  requireUserId(ctx);
  const q = parseInput(changeMemberRoleInput, input);
  const myRole = await requirePermission(ctx, q.organizationId, 'members.manage');
  return withTransaction(ctx, async (tx) => {
    const owners = await lockOwners(tx, q.organizationId);
    const [member] = await tx.db
      .select()
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, q.organizationId), eq(organizationMembers.userId, q.userId)))
      .for('update');
    if (!member) throw new NotFound('member');
    if ((member.role === 'owner' || q.role === 'owner') && myRole !== 'owner') {
      throw new Forbidden('only an owner may make someone owner or change an owner’s role');
    }
    if (member.role === q.role) return { from: member.role, to: q.role };
    if (member.role === 'owner') keepAnOwner(owners, q.userId);
    await tx.db.update(organizationMembers).set({ role: q.role }).where(eq(organizationMembers.id, member.id));
    await audit(tx, {
      organizationId: q.organizationId,
      action: 'member.role_changed',
      entityType: 'member',
      entityId: q.userId,
      data: { from: member.role, to: q.role },
    });
    return { from: member.role, to: q.role };
  });
}
