import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { groupFacilitators } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { requireGroupPermission } from '../policy/permissions';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { audit, loadFacilitator } from './shared';

export const linkFacilitatorInput = z.object({ groupId: z.uuid(), facilitatorId: z.uuid() });
export type LinkFacilitatorInput = z.input<typeof linkFacilitatorInput>;

/**
 * Names a facilitator of the organization on one of its groups (groups.edit); they are listed
 * after the ones already there. Linking twice changes nothing.
 */
export async function linkFacilitatorToGroup({ ctx, input }: { ctx: Context; input: LinkFacilitatorInput }): Promise<{ linked: boolean }> {
  const q = parseInput(linkFacilitatorInput, input);
  return withTransaction(ctx, async (tx) => {
    const { organizationId } = await requireGroupPermission(tx, q.groupId, 'groups.edit');
    const facilitator = await loadFacilitator(tx, q.facilitatorId).catch(() => null);
    // A profile of another organization cannot lead this group, and is not revealed.
    if (!facilitator || facilitator.organizationId !== organizationId) throw new NotFound('facilitator');
    const [inserted] = await tx.db
      .insert(groupFacilitators)
      .values({
        groupId: q.groupId,
        facilitatorId: q.facilitatorId,
        position: sql`(select coalesce(max(${groupFacilitators.position}) + 1, 0) from ${groupFacilitators} where ${groupFacilitators.groupId} = ${q.groupId})`,
      })
      .onConflictDoNothing()
      .returning({ groupId: groupFacilitators.groupId });
    if (!inserted) return { linked: false };
    await audit(tx, {
      organizationId,
      action: 'group.facilitator_linked',
      entityType: 'group',
      entityId: q.groupId,
      data: { facilitatorId: q.facilitatorId, displayName: facilitator.displayName },
    });
    await refreshGroupSearch(tx.db, [q.groupId], tx.now);
    return { linked: true };
  });
}

