import { and, eq, sql } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import type { Context } from '../context';

/**
 * Removes the reminders of a session that are queued but not sent yet, in the transaction of a
 * change to the session (postponed, cancelled, moved online): they state a time or a place that no
 * longer holds. The worker queues fresh ones for the new time (queueReminders), and a reminder
 * that already went out stays on record.
 */
export async function withdrawPendingReminders(ctx: Context, sessionId: string): Promise<number> {
  const gone = await ctx.db
    .delete(emailOutbox)
    .where(
      and(
        eq(emailOutbox.template, 'session_reminder'),
        eq(emailOutbox.status, 'pending'),
        sql`${emailOutbox.payload} -> 'session' ->> 'id' = ${sessionId}`,
      ),
    )
    .returning({ id: emailOutbox.id });
  return gone.length;
}
