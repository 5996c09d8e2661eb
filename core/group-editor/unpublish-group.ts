import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { groups } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const unpublishGroupInput = z.object({ groupId: z.uuid() });
export type UnpublishGroupInput = z.input<typeof unpublishGroupInput>;

/**
 * Takes a published (or archived) group back to draft: it leaves search and its public page.
 * Registrations already made are kept (the organizer cancels sessions to tell people).
 */
export async function unpublishGroup({ ctx, input }: { ctx: Context; input: UnpublishGroupInput }): Promise<void> {
  const q = parseInput(unpublishGroupInput, input);
  await editableGroup(ctx, q.groupId);
  await withTransaction(ctx, async (tx) => {
    const group = await lockGroup(tx, q.groupId);
    if (group.status === 'draft') return;
    await tx.db.update(groups).set({ status: 'draft', archivedAt: null, updatedAt: tx.now }).where(eq(groups.id, q.groupId));
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'group.unpublished',
      entityType: 'group',
      entityId: q.groupId,
      data: { from: group.status },
    });
    await touchGroup(tx, q.groupId);
  });
}
