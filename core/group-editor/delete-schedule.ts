import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schedules } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { syncSessions, type MaterializeResult } from './materialize-sessions';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const deleteScheduleInput = z.object({ groupId: z.uuid(), scheduleId: z.uuid() });
export type DeleteScheduleInput = z.input<typeof deleteScheduleInput>;

/**
 * Removes a recurring schedule and its sessions still ahead, except those people registered for
 * (they stay as one-off sessions, to be cancelled with a notice if need be).
 */
export async function deleteSchedule({ ctx, input }: { ctx: Context; input: DeleteScheduleInput }): Promise<{ sessions: MaterializeResult }> {
  const q = parseInput(deleteScheduleInput, input);
  const group = await editableGroup(ctx, q.groupId);
  return withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    const [row] = await tx.db
      .select()
      .from(schedules)
      .where(and(eq(schedules.id, q.scheduleId), eq(schedules.groupId, q.groupId)));
    if (!row) throw new NotFound('schedule');
    // Sync as if the schedule were gone: its sessions ahead are removed, busy ones stay.
    const result = await syncSessions(tx, q.groupId, { without: [row.id] });
    await tx.db.delete(schedules).where(eq(schedules.id, row.id));
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'schedule.deleted',
      entityType: 'schedule',
      entityId: row.id,
      data: { groupId: q.groupId, rrule: row.rrule, startsLocal: row.startsLocal, sessions: result },
    });
    await touchGroup(tx, q.groupId);
    return { sessions: result };
  });
}
