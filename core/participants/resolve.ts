import { and, eq, isNull } from 'drizzle-orm';
import { participants } from '../../db/schema';
import { withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { confirmHolds } from '../registrations/holds';
import { verifyManageToken } from './manage-link';

/**
 * The participant a manage link belongs to; a forged or stale link is simply not found. The link
 * travels in emails only, so opening it proves that its holder controls the address (decision
 * 0010): the first time, the address is marked proven and the places held for it become theirs.
 */
export async function participantFromToken(ctx: Context, token: string): Promise<typeof participants.$inferSelect> {
  // An unsubscribe link opens nothing: it only stops reminders (my-data.ts).
  const participantId = verifyManageToken(ctx.settings, token, ctx.now);
  const [found] = participantId ? await ctx.db.select().from(participants).where(eq(participants.id, participantId)) : [];
  if (!found) throw new NotFound('manage link');
  if (found.emailConfirmedAt) return found;
  return withTransaction(ctx, async (tx) => {
    const [proven] = await tx.db
      .update(participants)
      .set({ emailConfirmedAt: tx.now })
      .where(and(eq(participants.id, found.id), isNull(participants.emailConfirmedAt)))
      .returning();
    // Proven meanwhile by another request: that one confirmed the holds.
    if (!proven) return found;
    await confirmHolds(tx, proven.id);
    return proven;
  });
}
