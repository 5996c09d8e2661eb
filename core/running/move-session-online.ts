import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema';
import { nextCalendarSequence } from '../calendars/session-sequence';
import { parseInput, withTransaction, type Context } from '../context';
import { withdrawPendingReminders } from '../email/withdraw-reminders';
import { Conflict } from '../errors';
import { groupForEmail } from '../registrations/shared';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { assertChangeable, reasonField } from './cancel-session';
import { notifyPeople } from './notify';
import { audit, rosterOf, sessionForOrganizer } from './shared';

export const moveSessionOnlineInput = z.object({ sessionId: z.uuid(), reason: reasonField });

/**
 * Holds a session online instead of in person, with a reason. Needs the group's online link:
 * people holding a place receive it, with the updated calendar entry; people waiting are told of
 * the change without it. Reminders queued with the old place are withdrawn (the worker queues
 * them again, with the link).
 */
export async function moveSessionOnline({ ctx, input }: { ctx: Context; input: z.input<typeof moveSessionOnlineInput> }) {
  const q = parseInput(moveSessionOnlineInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, group, cohort, organization } = await sessionForOrganizer(tx, q.sessionId, 'sessions.run', true);
    assertChangeable(tx, session);
    if (session.status === 'moved_online') throw new Conflict('this session is already online', 'already_online');
    if (!group.onlineUrl) throw new Conflict('the group has no online link: add one to the group first', 'no_online_link');
    const [updated] = await tx.db
      .update(sessions)
      .set({ status: 'moved_online', statusReason: q.reason, updatedAt: tx.now })
      .where(eq(sessions.id, session.id))
      .returning();
    await withdrawPendingReminders(tx, session.id);
    const people = await rosterOf(tx, session, true);
    const notified = await notifyPeople(tx, people, {
      key: `session:${session.id}:moved_online`,
      template: 'session_moved_online',
      organization,
      group,
      groupPart: { ...groupForEmail(group), delivery: 'online', place: null },
      session: updated!,
      cohort,
      message: q.reason,
      onlineUrl: group.onlineUrl,
      calendar: { method: 'publish', sequence: await nextCalendarSequence(tx, session.id) },
    });
    await audit(tx, {
      organizationId: organization.id,
      action: 'session.moved_online',
      entityType: 'session',
      entityId: session.id,
      data: { from: session.status, reason: q.reason, notified },
    });
    await refreshGroupSearch(tx.db, [group.id], tx.now);
    return { notified };
  });
}
