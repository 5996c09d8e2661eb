import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizationMembers } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Forbidden, NotFound } from '../errors';
import { requirePermission, requireUserId } from '../policy/permissions';
import { keepAnOwner, lockOwners } from './owners';
import { audit, uuidInput } from './shared';

export const removeMemberInput = z.object({ organizationId: uuidInput, userId: z.string().trim().min(1).max(200) });

/**
 * Removes a member (owners and admins; only an owner may remove an owner), or lets any member
 * leave by removing themselves. The last owner can do neither.
 */
export async function removeMember({ ctx, input }: { ctx: Context; input: { organizationId: string; userId: string } }): Promise<void> {
  const actorId = requireUserId(ctx);
  const q = parseInput(removeMemberInput, input);
  const leaving = q.userId === actorId;
  const myRole = await requirePermission(ctx, q.organizationId, leaving ? 'organization.view' : 'members.manage');
  await withTransaction(ctx, async (tx) => {
    const owners = await lockOwners(tx, q.organizationId);
    const [member] = await tx.db
      .select()
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, q.organizationId), eq(organizationMembers.userId, q.userId)))
      .for('update');
    if (!member) throw new NotFound('member');
    if (member.role === 'owner' && myRole !== 'owner') throw new Forbidden('only an owner may remove an owner');
    if (member.role === 'owner') keepAnOwner(owners, q.userId);
    await tx.db.delete(organizationMembers).where(eq(organizationMembers.id, member.id));
    await audit(tx, {
      organizationId: q.organizationId,
      action: leaving ? 'member.left' : 'member.removed',
      entityType: 'member',
      entityId: q.userId,
      data: { role: member.role },
    });
  });
}
