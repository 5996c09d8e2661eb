import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { registrations } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { addressLimit, consume } from '../limits/rate-limit';
import { NotFound } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { promoteWaitlist } from '../registrations/promote-waitlist';
import { groupForEmail, lockSession, sessionForEmail } from '../registrations/shared';
import { participantFromToken } from './resolve';
import { audit } from '../audit/write-audit';

export const cancelRegistrationInput = z.object({ token: z.string().min(1).max(200), registrationId: z.uuid() });

/**
 * Cancels a place or leaves a waitlist, from the person's manage link. A freed seat goes to the
 * first person waiting in the same transaction.
 */
export async function cancelRegistration({ ctx, input }: { ctx: Context; input: z.input<typeof cancelRegistrationInput> }) {
  const q = parseInput(cancelRegistrationInput, input);
  await consume(ctx, addressLimit(ctx, 'cancel'));
  return withTransaction(ctx, async (tx) => {
    const person = await participantFromToken(tx, q.token);
    const [found] = await tx.db
      .select({ sessionId: registrations.sessionId })
      .from(registrations)
      .where(and(eq(registrations.id, q.registrationId), eq(registrations.participantId, person.id)));
    if (!found) throw new NotFound('registration');
    const { session, group } = await lockSession(tx, found.sessionId);
    const [cancelled] = await tx.db
      .update(registrations)
      .set({ status: 'cancelled', waitlistPosition: null, cancelledAt: tx.now })
      .where(and(eq(registrations.id, q.registrationId), inArray(registrations.status, ['confirmed', 'waitlisted'])))
      .returning();
    if (!cancelled) return { cancelled: false, promoted: [] as string[] };
    await enqueueEmail(tx, {
      key: `registration:${cancelled.id}:cancelled`,
      to: person.email,
      locale: cancelled.locale,
      template: 'registration_cancelled',
      payload: { participantId: person.id, name: cancelled.displayName, group: groupForEmail(group), session: sessionForEmail(session) },
    });
    await audit(tx, {
      organizationId: group.organizationId,
      actor: { type: 'participant', id: person.id },
      action: 'registration.cancelled',
      entityType: 'registration',
      entityId: cancelled.id,
    });
    const promoted = await promoteWaitlist(tx, session.id);
    return { cancelled: true, promoted };
  });
}
