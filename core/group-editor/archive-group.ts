import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { groups } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const archiveGroupInput = z.object({ groupId: z.uuid() });
export type ArchiveGroupInput = z.input<typeof archiveGroupInput>;

/**
 * Archives a group: it leaves search and the organization's active list, and keeps its history
 * (sessions, registrations, attendance). Unpublishing an archived group brings it back as a draft.
 */
export async function archiveGroup({ ctx, input }: { ctx: Context; input: ArchiveGroupInput }): Promise<void> {
  const q = parseInput(archiveGroupInput, input);
  await editableGroup(ctx, q.groupId);
  await withTransaction(ctx, async (tx) => {
    const group = await lockGroup(tx, q.groupId);
    if (group.status === 'archived') return;
    await tx.db.update(groups).set({ status: 'archived', archivedAt: tx.now, updatedAt: tx.now }).where(eq(groups.id, q.groupId));
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'group.archived',
      entityType: 'group',
      entityId: q.groupId,
      data: { from: group.status },
    });
    await touchGroup(tx, q.groupId);
  });
}
