import { and, asc, eq, isNull } from 'drizzle-orm';
import { participants, registrations } from '../../db/schema';
import type { Context } from '../context';
import { enqueueEmail } from '../email/enqueue';
import { confirmedCount, groupForEmail, lockSession, onlineLinkFor, sessionCapacity, sessionForEmail } from './shared';

/**
 * Gives free seats of a session to the people waiting, first come first served, each told by
 * email. Call inside the transaction that freed the seat (or raised the capacity). Returns the
 * ids of the registrations promoted.
 */
export async function promoteWaitlist(tx: Context, sessionId: string): Promise<string[]> {
  const { session, group } = await lockSession(tx, sessionId);
  if (session.status === 'cancelled' || session.startsAt <= tx.now) return [];
  const capacity = sessionCapacity(session, group);
  const free = capacity == null ? Number.MAX_SAFE_INTEGER : capacity - (await confirmedCount(tx, session.id));
  if (free <= 0) return [];
  const waiting = await tx.db
    .select({ r: registrations, email: participants.email })
    .from(registrations)
    .innerJoin(participants, eq(participants.id, registrations.participantId))
    // People whose address is not proven yet are skipped (decision 0010): they move when they prove it.
    .where(and(eq(registrations.sessionId, session.id), eq(registrations.status, 'waitlisted'), isNull(registrations.holdExpiresAt)))
    .orderBy(asc(registrations.waitlistPosition))
    .limit(Math.min(free, 1000));
  const promoted: string[] = [];
  for (const { r, email } of waiting) {
    const [updated] = await tx.db
      .update(registrations)
      .set({ status: 'confirmed', waitlistPosition: null, promotedAt: tx.now })
      .where(and(eq(registrations.id, r.id), eq(registrations.status, 'waitlisted'), isNull(registrations.cancelledAt)))
      .returning({ id: registrations.id });
    if (!updated) continue;
    promoted.push(r.id);
    await enqueueEmail(tx, {
      key: `registration:${r.id}:promoted`,
      to: email,
      locale: r.locale,
      template: 'registration_promoted',
      payload: {
        participantId: r.participantId,
        name: r.displayName,
        group: groupForEmail(group),
        session: sessionForEmail(session),
        onlineUrl: onlineLinkFor(group, session),
      },
    });
  }
  return promoted;
}
