import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import { emailOutbox, participants } from '../../db/schema';
import type { Context } from '../context';

export type OutboxRow = InferSelectModel<typeof emailOutbox>;

/** What is known of the recipient when the message is sent (not when it was queued). */
export interface Recipient {
  /** Discreet mode (issue 36): the person's setting at the moment of sending. */
  discreet: boolean;
}

/** Sends one message; resolves with the transport's message id, rejects on failure. */
export type SendEmail = (row: OutboxRow, recipient: Recipient) => Promise<{ messageId: string }>;

export const MAX_ATTEMPTS = 12;
/** How long a batch stays claimed: a worker that dies mid-send leaves it to be retried after this. */
export const LEASE_MS = 2 * 60_000;

/** Wait before the next try: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Delivers due messages from the outbox. Each batch is claimed with a short lease
 * (`FOR UPDATE SKIP LOCKED`), so concurrent workers never take the same message; a message is
 * marked sent only after the transport accepted it, and a failure is retried later with backoff.
 * A worker that dies mid-send leaves the lease to expire, and the message is tried again with the
 * same Message-ID, so receivers can recognise a repeat.
 */
export async function deliverOutbox(ctx: Context, send: SendEmail, batchSize = 20, leaseMs = LEASE_MS): Promise<{ sent: number; failed: number }> {
  const due = ctx.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.status, 'pending'),
        lte(emailOutbox.nextAttemptAt, ctx.now),
        or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, ctx.now)),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const claimed = await ctx.db
    .update(emailOutbox)
    .set({ lockedUntil: new Date(ctx.now.getTime() + leaseMs) })
    .where(inArray(emailOutbox.id, due))
    .returning();

  // Messages about a person's place follow their discreet setting as it is now: turning it on or off
  // applies to every message not sent yet.
  const people = [...new Set(claimed.map(participantOf).filter((id): id is string => id !== null))];
  const discreet = new Set(
    people.length === 0
      ? []
      : (await ctx.db.select({ id: participants.id }).from(participants).where(and(inArray(participants.id, people), eq(participants.discreet, true)))).map((p) => p.id),
  );

  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    try {
      const { messageId } = await send(row, { discreet: discreet.has(participantOf(row) ?? '') });
      await ctx.db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: ctx.now, messageId, lockedUntil: null, attempts: row.attempts + 1, lastError: null })
        .where(eq(emailOutbox.id, row.id));
      sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      await ctx.db
        .update(emailOutbox)
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          lastError: (err as Error).message.slice(0, 1000),
          nextAttemptAt: new Date(ctx.now.getTime() + backoffMs(attempts)),
          lockedUntil: null,
        })
        .where(eq(emailOutbox.id, row.id));
      failed++;
    }
  }
  return { sent, failed };
}

/** The participant a message is about (messages about a place in a group), if any. */
function participantOf(row: OutboxRow): string | null {
  const id = (row.payload as { participantId?: unknown } | null)?.participantId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
