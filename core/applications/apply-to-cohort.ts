import { randomUUID } from 'node:crypto';
import { and, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { applications } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { consume, joinLimits } from '../limits/rate-limit';
import { Invalid, Refused } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { upsertParticipant } from '../participants/manage-link';
import { checkEmailAnswer, holdEnd } from '../registrations/holds';
import { checkAnswers, checkEligibility, groupForEmail, onlineLinkFor, personFields } from '../registrations/shared';
import { normalizePhone } from './phone';
import { acceptedCount, applicationRank, cohortForEmail, cohortSessionsForEmail, enrollmentClosesAt, lockCohort, nextApplicationTicket } from './shared';
import { audit } from '../audit/write-audit';

export const applyToCohortInput = z.object({
  cohortId: z.uuid(),
  ...personFields,
  /** The applicant commits to the whole sequence of sessions. */
  commitment: z.literal(true),
  /** Where the facilitator can call: required when the group calls applicants, ignored otherwise. */
  phone: z.string().max(200).optional(),
});
export type ApplyToCohortInput = z.input<typeof applyToCohortInput>;

/** What an application did: told by email only; the answer is `answer`, the same for every address (decision 0010). */
export interface ApplicationResult {
  /** The application written, or the one under way when `status` is `already_applied`. */
  applicationId: string;
  participantId: string;
  status: 'applied' | 'accepted' | 'waitlisted' | 'already_applied';
  position: number | null;
  /** When the application is dropped unless the person opens the emailed link; null for a proven address. */
  holdExpiresAt: Date | null;
  answer: ReturnType<typeof checkEmailAnswer>;
}

/**
 * Applies to a cohort of a closed group. Groups that accept automatically take applicants up to
 * capacity, then waitlist them; others leave the decision to the organizer (status `applied`).
 */
export async function applyToCohort({ ctx, input }: { ctx: Context; input: ApplyToCohortInput }): Promise<ApplicationResult> {
  const q = parseInput(applyToCohortInput, input);
  return withTransaction(ctx, async (tx) => {
    const { cohort, group } = await lockCohort(tx, q.cohortId);
    if (group.format !== 'closed') throw new Refused('closed', 'this group does not take applications');
    if (cohort.status === 'cancelled' || cohort.status === 'completed') throw new Refused('closed', 'this cohort is not taking applications');
    if (tx.now >= (await enrollmentClosesAt(tx, cohort))) throw new Refused('closed', 'enrollment for this cohort has closed');
    checkEligibility(group, q);
    const phone = group.callsApplicants ? checkPhone(q.phone) : null;
    const answers = await checkAnswers(tx, group.id, q.answers).catch((err: unknown) => {
      // A missing phone number is reported with the answers, so that the form shows both at once.
      if (err instanceof Invalid && phone instanceof Invalid) throw new Invalid([...phone.issues, ...err.issues]);
      throw err;
    });
    if (phone instanceof Invalid) throw phone;
    // Counted once the application is valid, before anything is written or emailed.
    await consume(tx, joinLimits(tx, q.email, `cohort:${q.cohortId}`));

    const participant = await upsertParticipant(tx, q.email, tx.locale, q.discreet);
    const [existing] = await tx.db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.cohortId, cohort.id),
          eq(applications.participantId, participant.id),
          notInArray(applications.status, ['withdrawn', 'declined']),
        ),
      );
    const answer = checkEmailAnswer(tx.now);
    // The same answer as a new application, so that nobody learns who applied; the person is told by email.
    if (existing) {
      await enqueueEmail(tx, {
        key: `application:${existing.id}:again:${randomUUID()}`,
        to: participant.email,
        locale: tx.locale,
        template: 'application_already',
        payload: { participantId: participant.id, name: q.name, group: groupForEmail(group), cohort: cohortForEmail(cohort) },
      });
      return { applicationId: existing.id, participantId: participant.id, status: 'already_applied' as const, position: null, holdExpiresAt: null, answer };
    }
    // An address not proven yet holds its application briefly (decision 0010).
    const hold = participant.emailConfirmedAt ? null : holdEnd(tx.now);

    let status: ApplicationResult['status'] = 'applied';
    let ticket: number | null = null;
    if (group.autoAccept) {
      const full = cohort.capacity != null && (await acceptedCount(tx, cohort.id)) >= cohort.capacity;
      status = full ? 'waitlisted' : 'accepted';
      if (full) ticket = await nextApplicationTicket(tx, cohort.id);
    }
    const [application] = await tx.db
      .insert(applications)
      .values({
        cohortId: cohort.id,
        participantId: participant.id,
        status,
        waitlistPosition: ticket,
        displayName: q.name,
        locale: tx.locale,
        answers,
        phone,
        committedAt: tx.now,
        consentAt: tx.now,
        decidedAt: status === 'applied' ? null : tx.now,
        createdAt: tx.now,
        holdExpiresAt: hold,
      })
      .returning();
    const position = ticket == null ? null : await applicationRank(tx, cohort.id, ticket);
    const template = status === 'accepted' ? 'application_accepted' : status === 'waitlisted' ? 'application_waitlisted' : 'application_received';
    await enqueueEmail(tx, {
      key: `application:${application!.id}:${status}`,
      to: participant.email,
      locale: tx.locale,
      template,
      payload: {
        participantId: participant.id,
        name: q.name,
        group: groupForEmail(group),
        cohort: cohortForEmail(cohort),
        ...(status === 'accepted' && !hold ? { onlineUrl: onlineLinkFor(group), cohortSessions: await cohortSessionsForEmail(tx, cohort.id) } : {}),
        ...(position != null ? { position } : {}),
        ...(hold ? { holdExpiresAt: hold.toISOString() } : {}),
      },
    });
    await audit(tx, {
      organizationId: group.organizationId,
      actor: { type: 'participant', id: participant.id },
      action: `application.${status}`,
      entityType: 'application',
      entityId: application!.id,
    });
    return {
      applicationId: application!.id,
      participantId: participant.id,
      status,
      position,
      holdExpiresAt: hold,
      answer,
    };
  });
}

/** The phone number of an applicant to a group that calls them, or the problem with it. */
function checkPhone(raw: string | undefined): string | Invalid {
  if (!raw?.trim()) return new Invalid([{ path: 'phone', message: 'this group calls each applicant: a phone number is required' }]);
  return normalizePhone(raw) ?? new Invalid([{ path: 'phone', message: 'enter a phone number with its area code' }]);
}
