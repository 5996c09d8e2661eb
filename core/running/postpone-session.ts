import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { attendance, sessions } from '../../db/schema';
import { nextCalendarSequence } from '../calendars/session-sequence';
import { parseInput, withTransaction, type Context } from '../context';
import { withdrawPendingReminders } from '../email/withdraw-reminders';
import { Invalid } from '../errors';
import { onlineLinkFor } from '../registrations/shared';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { assertChangeable, reasonField } from './cancel-session';
import { notifyPeople } from './notify';
import { audit, rosterOf, sessionForOrganizer } from './shared';

export const postponeSessionInput = z
  .object({ sessionId: z.uuid(), startsAt: z.coerce.date(), endsAt: z.coerce.date(), reason: reasonField })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'the end must come after the start', params: { code: 'end_before_start' } });

/**
 * Moves a session to a new time with a reason. Registrations and the waitlist are kept; the first
 * planned start is remembered (originalStartsAt) and everyone holding a place or waiting is told
 * the time it had and the new one; people holding a place also get the updated calendar entry.
 * Reminders queued for the old time are withdrawn (the worker queues them again for the new
 * time), and attendance marks already taken are cleared: the session has not happened yet.
 */
export async function postponeSession({ ctx, input }: { ctx: Context; input: z.input<typeof postponeSessionInput> }) {
  const q = parseInput(postponeSessionInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, group, cohort, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run', true);
    assertChangeable(tx, session);
    if (q.startsAt <= tx.now) throw new Invalid([{ path: 'startsAt', message: 'the new start must be in the future', code: 'must_be_future' }]);
    const [updated] = await tx.db
      .update(sessions)
      .set({
        status: 'postponed',
        statusReason: q.reason,
        originalStartsAt: session.originalStartsAt ?? session.startsAt,
        startsAt: q.startsAt,
        endsAt: q.endsAt,
        updatedAt: tx.now,
      })
      .where(eq(sessions.id, session.id))
      .returning();
    const withdrawnReminders = await withdrawPendingReminders(tx, session.id);
    const clearedMarks = (await tx.db.delete(attendance).where(eq(attendance.sessionId, session.id)).returning({ id: attendance.id })).length;
    const people = await rosterOf(tx, session, true);
    const notified = await notifyPeople(tx, people, {
      // A session may be postponed more than once: each new time is its own message.
      key: `session:${session.id}:postponed:${q.startsAt.toISOString()}`,
      template: 'session_postponed',
      organization,
      group,
      session: updated!,
      previous: session,
      cohort,
      message: q.reason,
      onlineUrl: onlineLinkFor(group, updated!),
      calendar: { method: 'publish', sequence: await nextCalendarSequence(tx, session.id) },
    });
    await audit(tx, {
      organizationId: organization.id,
      action: 'session.postponed',
      entityType: 'session',
      entityId: session.id,
      data: { from: session.startsAt.toISOString(), to: q.startsAt.toISOString(), reason: q.reason, notified, withdrawnReminders, clearedMarks },
    });
    await refreshGroupSearch(tx.db, [group.id], tx.now);
    return { notified };
  });
}
