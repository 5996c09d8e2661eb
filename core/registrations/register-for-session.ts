import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, registrations } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Refused } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { scopedManageUrl, upsertParticipant } from '../participants/manage-link';
import {
  checkAnswers,
  checkEligibility,
  confirmedCount,
  groupForEmail,
  lockSession,
  nextTicket,
  onlineLinkFor,
  personFields,
  sessionCapacity,
  sessionForEmail,
  waitlistRank,
} from './shared';

export const registerForSessionInput = z.object({ sessionId: z.uuid(), ...personFields });
export type RegisterForSessionInput = z.input<typeof registerForSessionInput>;

export interface RegistrationResult {
  registrationId: string;
  participantId: string;
  status: 'confirmed' | 'waitlisted';
  /** Place in line (1 = next) when waitlisted. */
  position: number | null;
  manageUrl: string;
}

/**
 * Signs a person up for one drop-in session: a confirmed place while seats remain, otherwise a
 * place on the waitlist. Seats are counted under a lock on the session row, so several app
 * processes on one PostgreSQL never sell more places than there are.
 */
export async function registerForSession({ ctx, input }: { ctx: Context; input: RegisterForSessionInput }): Promise<RegistrationResult> {
  const q = parseInput(registerForSessionInput, input);
  return withTransaction(ctx, async (tx) => {
    const { session, group } = await lockSession(tx, q.sessionId);
    if (group.format !== 'drop_in') throw new Refused('closed', 'this group takes applications, not sign-ups');
    if (session.status === 'cancelled' || session.status === 'postponed') throw new Refused('closed', 'this session is not taking sign-ups');
    if (tx.now >= session.startsAt) throw new Refused('closed', 'this session has already started');
    const cutoff = new Date(session.startsAt.getTime() - group.signupCutoffMinutes * 60_000);
    if (tx.now >= cutoff) throw new Refused('cutoff_passed', 'sign-up for this session has closed');
    checkEligibility(group, q);
    const answers = await checkAnswers(tx, group.id, q.answers);

    const participant = await upsertParticipant(tx, q.email, tx.locale);
    const [existing] = await tx.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(
          eq(registrations.sessionId, session.id),
          eq(registrations.participantId, participant.id),
          ne(registrations.status, 'cancelled'),
        ),
      );
    if (existing) throw new Refused('duplicate', 'this email already holds a place in this session');

    const capacity = sessionCapacity(session, group);
    const full = capacity != null && (await confirmedCount(tx, session.id)) >= capacity;
    const ticket = full ? await nextTicket(tx, session.id) : null;
    const [registration] = await tx.db
      .insert(registrations)
      .values({
        sessionId: session.id,
        participantId: participant.id,
        status: full ? 'waitlisted' : 'confirmed',
        waitlistPosition: ticket,
        displayName: q.name,
        locale: tx.locale,
        answers,
        consentAt: tx.now,
        createdAt: tx.now,
      })
      .returning();
    const position = ticket == null ? null : await waitlistRank(tx, session.id, ticket);

    await enqueueEmail(tx, {
      key: `registration:${registration!.id}:${full ? 'waitlisted' : 'confirmed'}`,
      to: participant.email,
      locale: tx.locale,
      template: full ? 'registration_waitlisted' : 'registration_confirmed',
      payload: {
        participantId: participant.id,
        name: q.name,
        group: groupForEmail(group),
        session: sessionForEmail(session),
        ...(full ? { position: position ?? undefined } : { onlineUrl: onlineLinkFor(group, session) }),
      },
    });
    await tx.db.insert(auditLog).values({
      organizationId: group.organizationId,
      actorType: 'participant',
      actorId: participant.id,
      action: full ? 'registration.waitlisted' : 'registration.confirmed',
      entityType: 'registration',
      entityId: registration!.id,
      createdAt: tx.now,
    });
    return {
      registrationId: registration!.id,
      participantId: participant.id,
      status: full ? 'waitlisted' : 'confirmed',
      position,
      manageUrl: scopedManageUrl(tx.settings, tx.locale, { kind: 'registration', id: registration!.id }),
    };
  });
}
