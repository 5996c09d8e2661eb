import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { groups } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid } from '../errors';
import { syncSessions } from './materialize-sessions';
import { attributeIssues, columnsOf, groupAttributes, normalizeColumns, titleLanguageIssues, withTitleLanguages, type GroupColumns } from './group-input';
import { linkIssues, replaceLinks } from './links';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const updateGroupInput = z.object({ groupId: z.uuid(), changes: groupAttributes.partial() });
export type UpdateGroupInput = z.input<typeof updateGroupInput>;

/**
 * Changes any attributes of a group (those given; the rest keep their values). The result must
 * hold together (kind and leadership, format and drop-in style, cost and fee, …): otherwise
 * Invalid, with the field at fault. Attributes that no longer apply are cleared (applicable.ts).
 * Given languages must include those of the titles; titles given without languages add theirs.
 * A published group stays published, and search sees the change.
 */
export async function updateGroup({ ctx, input }: { ctx: Context; input: UpdateGroupInput }): Promise<{ changed: string[] }> {
  const q = parseInput(updateGroupInput, input);
  const current = await editableGroup(ctx, q.groupId);
  const { topicIds, facilitatorIds, ...columnChanges } = q.changes;
  return withTransaction(ctx, async (tx) => {
    const locked = await lockGroup(tx, q.groupId);
    const before = columnsOf(locked);
    const combined = { ...before, ...columnChanges } as GroupColumns;
    const languagesGiven = columnChanges.languages !== undefined;
    if (!languagesGiven && (columnChanges.titleEn !== undefined || columnChanges.titleFr !== undefined)) {
      combined.languages = withTitleLanguages(combined.languages, combined);
    }
    const merged: GroupColumns = normalizeColumns(combined);
    const issues = [
      ...attributeIssues(merged),
      ...(languagesGiven ? titleLanguageIssues(merged) : []),
      ...(await linkIssues(tx, current.organizationId, topicIds, facilitatorIds)),
    ];
    if (issues.length) throw new Invalid(issues);
    const changed = (Object.keys(merged) as (keyof GroupColumns)[]).filter(
      (k) => JSON.stringify(merged[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length) await tx.db.update(groups).set({ ...merged, updatedAt: tx.now }).where(eq(groups.id, q.groupId));
    await replaceLinks(tx, q.groupId, topicIds, facilitatorIds);
    const all = [...changed, ...(topicIds ? ['topicIds'] : []), ...(facilitatorIds ? ['facilitatorIds'] : [])];
    // A new time zone or format moves or reshapes the sessions ahead.
    if (changed.includes('timeZone') || changed.includes('format')) await syncSessions(tx, q.groupId);
    await audit(tx, {
      organizationId: current.organizationId,
      action: 'group.updated',
      entityType: 'group',
      entityId: q.groupId,
      data: { changed: all },
    });
    await touchGroup(tx, q.groupId);
    return { changed: all };
  });
}
