import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema';
import { nextCalendarSequence } from '../calendars/session-sequence';
import { parseInput, withTransaction, type Context } from '../context';
import { withdrawPendingReminders } from '../email/withdraw-reminders';
import { Conflict } from '../errors';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { notifyPeople } from './notify';
import { audit, rosterOf, sessionForOrganizer, type SessionRow } from './shared';

/** Why a session changes: required, shown to everyone notified. */
export const reasonField = z.string().trim().min(1).max(2000);

export const cancelSessionInput = z.object({ sessionId: z.uuid(), reason: reasonField });

/** A session that has ended or is cancelled cannot be changed any more. */
export function assertChangeable(tx: Context, session: SessionRow): void {
  if (session.status === 'cancelled') throw new Conflict('this session is already cancelled', 'session_closed');
  if (session.endsAt <= tx.now) throw new Conflict('this session is over', 'session_closed');
}

/**
 * Cancels a session with a reason. Everyone holding a place and everyone waiting is told by
 * email (people holding a place with a calendar cancellation of the entry they were sent);
 * their registrations are kept (the session no longer takes sign-ups). Reminders queued and not
 * sent yet are withdrawn. A cancelled cohort session can then get a make-up session
 * (scheduleMakeUpSession).
 */
export async function cancelSession({ ctx, input }: { ctx: Context; input: z.input<typeof cancelSessionInput> }) {
  const q = parseInput(cancelSessionInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, group, cohort, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run', true);
    assertChangeable(tx, session);
    const [updated] = await tx.db
      .update(sessions)
      .set({ status: 'cancelled', statusReason: q.reason, updatedAt: tx.now })
      .where(eq(sessions.id, session.id))
      .returning();
    await withdrawPendingReminders(tx, session.id);
    const people = await rosterOf(tx, session, true);
    const notified = await notifyPeople(tx, people, {
      key: `session:${session.id}:cancelled`,
      template: 'session_cancelled',
      organization,
      group,
      session: updated!,
      cohort,
      message: q.reason,
      calendar: { method: 'cancel', sequence: await nextCalendarSequence(tx, session.id) },
    });
    await audit(tx, {
      organizationId: organization.id,
      action: 'session.cancelled',
      entityType: 'session',
      entityId: session.id,
      data: { from: session.status, reason: q.reason, notified },
    });
    await refreshGroupSearch(tx.db, [group.id], tx.now);
    return { notified };
  });
}
