import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cohorts, schedules } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid, NotFound } from '../errors';
import { syncSessions, type MaterializeResult } from './materialize-sessions';
import { ruleFromForm, scheduleForm, type StoredRule } from './schedule-rule';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const saveScheduleInput = z.object({
  groupId: z.uuid(),
  /** Absent: a new schedule. */
  scheduleId: z.uuid().nullish(),
  form: scheduleForm,
});
export type SaveScheduleInput = z.input<typeof saveScheduleInput>;

type Stored = StoredRule & { cohortId: string | null };

/** Whether two schedules make the same sessions from the same stored rule (the same form saved twice). */
function sameSchedule(a: Stored, b: Stored): boolean {
  return (
    a.rrule === b.rrule &&
    a.startsLocal === b.startsLocal &&
    a.durationMinutes === b.durationMinutes &&
    (a.untilLocal ?? null) === (b.untilLocal ?? null) &&
    (a.cohortId ?? null) === (b.cohortId ?? null) &&
    [...a.exceptionsLocal].sort().join('|') === [...b.exceptionsLocal].sort().join('|')
  );
}

/**
 * Adds or changes a recurring schedule, then brings the group's sessions in line with it. In a
 * closed group the schedule may belong to one of its cohorts. A schedule identical to another one
 * of the group is refused (Conflict `duplicate_schedule`): it would make every session twice.
 */
export async function saveSchedule({ ctx, input }: { ctx: Context; input: SaveScheduleInput }): Promise<{ scheduleId: string; sessions: MaterializeResult }> {
  const q = parseInput(saveScheduleInput, input);
  const group = await editableGroup(ctx, q.groupId);
  const cohortId = q.form.cohortId;
  if (cohortId && group.format !== 'closed') throw new Invalid([{ path: 'form.cohortId', message: 'not_closed' }]);
  const rule: Stored = { ...ruleFromForm(q.form), cohortId };
  return withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    if (cohortId) {
      const [c] = await tx.db.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.id, cohortId), eq(cohorts.groupId, q.groupId)));
      if (!c) throw new Invalid([{ path: 'form.cohortId', message: 'unknown_cohort' }]);
    }
    // Checked under the group's lock, so two saves of one form at once make one schedule.
    const others = (await tx.db.select().from(schedules).where(eq(schedules.groupId, q.groupId))).filter((s) => s.id !== q.scheduleId);
    if (others.some((s) => sameSchedule(s, rule))) throw new Conflict('duplicate_schedule', 'duplicate_schedule');
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
      data: { groupId: q.groupId, rrule: rule.rrule, startsLocal: rule.startsLocal, cohortId, sessions: result },
    });
    await touchGroup(tx, q.groupId);
    return { scheduleId, sessions: result };
  });
}
