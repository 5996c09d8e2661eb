import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { cohorts, sessions } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid, NotFound } from '../errors';
import { audit, blankToNull, editableGroup, isRealDate, lockGroup, TIME_RE, touchGroup } from './shared';

const optionalText = (max: number) => z.string().trim().max(max, { error: 'too_long' }).nullish().transform((s) => blankToNull(s));

export const addSessionInput = z.object({
  groupId: z.uuid(),
  date: z.string().trim().refine(isRealDate, { error: 'invalid_date' }),
  startTime: z.string().trim().regex(TIME_RE, { error: 'invalid_time' }),
  durationMinutes: z.number({ error: 'not_a_number' }).int({ error: 'not_a_number' }).min(10, { error: 'too_small' }).max(720, { error: 'too_large' }),
  capacity: z.number({ error: 'not_a_number' }).int({ error: 'not_a_number' }).min(1, { error: 'too_small' }).max(10_000, { error: 'too_large' }).nullish(),
  /** Closed groups: the cohort it belongs to (a make-up or extra session). */
  cohortId: z.uuid().nullish(),
  topicEn: optionalText(200),
  topicFr: optionalText(200),
  speakerName: optionalText(200),
});
export type AddSessionInput = z.input<typeof addSessionInput>;

/** Adds a one-off session (outside any recurring schedule) at a local time in the group's zone. */
export async function addSession({ ctx, input }: { ctx: Context; input: AddSessionInput }): Promise<{ sessionId: string }> {
  const q = parseInput(addSessionInput, input);
  const group = await editableGroup(ctx, q.groupId);
  const start = DateTime.fromISO(`${q.date}T${q.startTime}`, { zone: group.timeZone });
  if (!start.isValid) throw new Invalid([{ path: 'startTime', message: 'invalid_time' }]);
  if (start.toJSDate() <= ctx.now) throw new Invalid([{ path: 'date', message: 'in_the_past' }]);
  return withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    if (q.cohortId) {
      const [c] = await tx.db.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.id, q.cohortId), eq(cohorts.groupId, q.groupId)));
      if (!c) throw new NotFound('cohort');
    }
    const [row] = await tx.db
      .insert(sessions)
      .values({
        groupId: q.groupId,
        cohortId: q.cohortId ?? null,
        startsAt: start.toJSDate(),
        endsAt: start.plus({ minutes: q.durationMinutes }).toJSDate(),
        capacity: q.capacity ?? null,
        topicEn: q.topicEn,
        topicFr: q.topicFr,
        speakerName: q.speakerName,
        isExtra: true,
        createdAt: tx.now,
        updatedAt: tx.now,
      })
      .returning({ id: sessions.id });
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'session.added',
      entityType: 'session',
      entityId: row!.id,
      data: { groupId: q.groupId, startsAt: start.toISO() },
    });
    await touchGroup(tx, q.groupId);
    return { sessionId: row!.id };
  });
}
