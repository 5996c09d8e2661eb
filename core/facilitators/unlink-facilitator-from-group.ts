import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { groupFacilitators, groups } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict } from '../errors';
import { requireGroupPermission } from '../policy/permissions';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { audit, hasVerifiedLicensedFacilitator } from './shared';

export const unlinkFacilitatorInput = z.object({ groupId: z.uuid(), facilitatorId: z.uuid() });
export type UnlinkFacilitatorInput = z.input<typeof unlinkFacilitatorInput>;

/**
 * Removes a facilitator from a group (groups.edit). A published group therapy keeps at least one
 * licensed facilitator with a verified licence: removing the last one is refused (unpublish the
 * group first, or add another one).
 */
export async function unlinkFacilitatorFromGroup({ ctx, input }: { ctx: Context; input: UnlinkFacilitatorInput }): Promise<{ unlinked: boolean }> {
  const q = parseInput(unlinkFacilitatorInput, input);
  return withTransaction(ctx, async (tx) => {
    const { organizationId } = await requireGroupPermission(tx, q.groupId, 'groups.edit');
    // The group row is locked so that two removals cannot both leave it without its therapist.
    const [group] = await tx.db.select({ kind: groups.kind, status: groups.status }).from(groups).where(eq(groups.id, q.groupId)).for('update');
    const [removed] = await tx.db
      .delete(groupFacilitators)
      .where(and(eq(groupFacilitators.groupId, q.groupId), eq(groupFacilitators.facilitatorId, q.facilitatorId)))
      .returning({ facilitatorId: groupFacilitators.facilitatorId });
    if (!removed) return { unlinked: false };
    if (group?.kind === 'group_therapy' && group.status === 'published' && !(await hasVerifiedLicensedFacilitator(tx, q.groupId))) {
      throw new Conflict('a published group therapy needs a licensed facilitator with a verified licence', 'last_therapist');
    }
    await audit(tx, {
      organizationId,
      action: 'group.facilitator_unlinked',
      entityType: 'group',
      entityId: q.groupId,
      data: { facilitatorId: q.facilitatorId },
    });
    await refreshGroupSearch(tx.db, [q.groupId], tx.now);
    return { unlinked: true };
  });
}
