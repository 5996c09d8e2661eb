import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { cohorts } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid, NotFound, type Issue } from '../errors';
import { syncSessions, type MaterializeResult } from './materialize-sessions';
import { audit, editableGroup, isRealDate, lockGroup, touchGroup } from './shared';

const date = z.string().trim().refine(isRealDate, { error: 'invalid_date' });
const whole = (min: number, max: number) =>
  z.number({ error: 'not_a_number' }).int({ error: 'not_a_number' }).min(min, { error: 'too_small' }).max(max, { error: 'too_large' });

export const saveCohortInput = z.object({
  groupId: z.uuid(),
  /** Absent: a new cohort. */
  cohortId: z.uuid().nullish(),
  startsOn: date,
  endsOn: date,
  sessionCount: whole(1, 200),
  capacity: whole(1, 10_000).nullish(),
  minimumParticipants: whole(1, 10_000).nullish(),
  /** The day the minimum is checked (at noon, in the group's zone). */
  decisionOn: date.nullish(),
  /** Enrollment stays open until after session K (0 = closes at the first session). */
  lateJoinUntilSession: whole(0, 200).default(0),
});
export type SaveCohortInput = z.input<typeof saveCohortInput>;

/** Adds or changes a cohort of a closed group, then makes (or moves) its sessions. */
export async function saveCohort({ ctx, input }: { ctx: Context; input: SaveCohortInput }): Promise<{ cohortId: string; sessions: MaterializeResult }> {
  const q = parseInput(saveCohortInput, input);
  const group = await editableGroup(ctx, q.groupId);
  const issues: Issue[] = [];
  if (group.format !== 'closed') issues.push({ path: 'groupId', message: 'not_closed' });
  if (q.endsOn < q.startsOn) issues.push({ path: 'endsOn', message: 'end_before_start' });
  if (q.capacity != null && q.minimumParticipants != null && q.minimumParticipants > q.capacity) {
    issues.push({ path: 'minimumParticipants', message: 'minimum_above_capacity' });
  }
  if (q.minimumParticipants != null && !q.decisionOn) issues.push({ path: 'decisionOn', message: 'required' });
  if (q.decisionOn && q.decisionOn >= q.startsOn) issues.push({ path: 'decisionOn', message: 'decision_after_start' });
  if (q.lateJoinUntilSession >= q.sessionCount && q.lateJoinUntilSession > 0) issues.push({ path: 'lateJoinUntilSession', message: 'too_large' });
  if (issues.length) throw new Invalid(issues);
  const decisionAt = q.decisionOn && q.minimumParticipants != null
    ? DateTime.fromISO(`${q.decisionOn}T12:00`, { zone: group.timeZone }).toJSDate()
    : null;
  const values = {
    startsOn: q.startsOn,
    endsOn: q.endsOn,
    sessionCount: q.sessionCount,
    capacity: q.capacity ?? null,
    minimumParticipants: q.minimumParticipants ?? null,
    decisionAt,
    lateJoinUntilSession: q.lateJoinUntilSession,
    updatedAt: ctx.now,
  };
  return withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    let cohortId: string;
    if (q.cohortId) {
      const [row] = await tx.db
        .update(cohorts)
        .set(values)
        .where(and(eq(cohorts.id, q.cohortId), eq(cohorts.groupId, q.groupId)))
        .returning({ id: cohorts.id });
      if (!row) throw new NotFound('cohort');
      cohortId = row.id;
    } else {
      const [row] = await tx.db.insert(cohorts).values({ groupId: q.groupId, ...values, createdAt: tx.now }).returning({ id: cohorts.id });
      cohortId = row!.id;
    }
    const result = await syncSessions(tx, q.groupId);
    await audit(tx, {
      organizationId: group.organizationId,
      action: q.cohortId ? 'cohort.updated' : 'cohort.created',
      entityType: 'cohort',
      entityId: cohortId,
      data: { groupId: q.groupId, startsOn: q.startsOn, endsOn: q.endsOn, sessionCount: q.sessionCount, sessions: result },
    });
    await touchGroup(tx, q.groupId);
    return { cohortId, sessions: result };
  });
}
