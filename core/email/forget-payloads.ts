import { and, inArray, lt, sql } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import type { Context } from '../context';

/**
 * How long a message's payload (its links, tokens, names and meeting links) stays in the outbox
 * once the message is settled (sent, or given up after its retries): long enough to look into a
 * delivery problem, not longer. What was sent, to whom and when stays (the person's data export).
 */
export const OUTBOX_PAYLOAD_DAYS = 14;

/** Empties the payload of messages settled more than OUTBOX_PAYLOAD_DAYS ago (the worker, hourly). */
export async function forgetSettledPayloads(ctx: Context): Promise<number> {
  const before = new Date(ctx.now.getTime() - OUTBOX_PAYLOAD_DAYS * 86_400_000);
  const forgotten = await ctx.db
    .update(emailOutbox)
    .set({ payload: {} })
    .where(
      and(
        inArray(emailOutbox.status, ['sent', 'failed']),
        // A sent message counts from its sending; one given up, from its last try.
        lt(sql`coalesce(${emailOutbox.sentAt}, ${emailOutbox.nextAttemptAt})`, before),
        sql`${emailOutbox.payload} <> '{}'::jsonb`,
      ),
    )
    .returning({ id: emailOutbox.id });
  return forgotten.length;
}
