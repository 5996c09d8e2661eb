import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schedules } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { syncSessions, type MaterializeResult } from './materialize-sessions';
import { ruleFromForm, scheduleForm } from './schedule-rule';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const saveScheduleInput = z.object({
  groupId: z.uuid(),
  /** Absent: a new schedule. */
  scheduleId: z.uuid().nullish(),
  form: scheduleForm,
});
export type SaveScheduleInput = z.input<typeof saveScheduleInput>;

/** Adds or changes a recurring schedule, then brings the group's sessions in line with it. */
export async function saveSchedule({ ctx, input }: { ctx: Context; input: SaveScheduleInput }): Promise<{ scheduleId: string; sessions: MaterializeResult }> {
  const q = parseInput(saveScheduleInput, input);
  const group = await editableGroup(ctx, q.groupId);
  const rule = ruleFromForm(q.form);
  return withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    let scheduleId: string;
    if (q.scheduleId) {
      const [row] = await tx.db
        .update(schedules)
        .set({ ...rule, updatedAt: tx.now })
        .where(and(eq(schedules.id, q.scheduleId), eq(schedules.groupId, q.groupId)))
        .returning({ id: schedules.id });
      if (!row) throw new NotFound('schedule');
      scheduleId = row.id;
    } else {
      const [row] = await tx.db
        .insert(schedules)
        .values({ groupId: q.groupId, ...rule, createdAt: tx.now, updatedAt: tx.now })
        .returning({ id: schedules.id });
      scheduleId = row!.id;
    }
    const result = await syncSessions(tx, q.groupId);
    await audit(tx, {
      organizationId: group.organizationId,
      action: q.scheduleId ? 'schedule.updated' : 'schedule.created',
      entityType: 'schedule',
      entityId: scheduleId,
      data: { groupId: q.groupId, rrule: rule.rrule, startsLocal: rule.startsLocal, sessions: result },
    });
    await touchGroup(tx, q.groupId);
    return { scheduleId, sessions: result };
  });
}
