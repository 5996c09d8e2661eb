import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { organizationInvitations } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Forbidden, NotFound } from '../errors';
import { requirePermission, requireUserId } from '../policy/permissions';
import { audit, uuidInput } from './shared';

export const revokeInvitationInput = z.object({ organizationId: uuidInput, invitationId: uuidInput });

/**
 * Withdraws a pending invitation (owners and admins): its link stops working. Only an owner may
 * withdraw an invitation to become owner.
 */
export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: Context;
  input: { organizationId: string; invitationId: string };
}): Promise<void> {
  requireUserId(ctx);
  const q = parseInput(revokeInvitationInput, input);
  const myRole = await requirePermission(ctx, q.organizationId, 'members.manage');
  await withTransaction(ctx, async (tx) => {
    const [inv] = await tx.db
      .select()
      .from(organizationInvitations)
      .where(and(eq(organizationInvitations.id, q.invitationId), eq(organizationInvitations.organizationId, q.organizationId)))
      .for('update');
    if (!inv) throw new NotFound('invitation');
    if (inv.role === 'owner' && myRole !== 'owner') throw new Forbidden('only an owner may withdraw an invitation to become owner');
    if (inv.acceptedAt) throw new Conflict('this invitation was already accepted');
    if (inv.revokedAt) throw new Conflict('this invitation was already withdrawn');
    await tx.db
      .update(organizationInvitations)
      .set({ revokedAt: tx.now })
      .where(and(eq(organizationInvitations.id, inv.id), isNull(organizationInvitations.revokedAt)));
    await audit(tx, {
      organizationId: q.organizationId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: inv.id,
      data: { email: inv.email, role: inv.role },
    });
  });
}
