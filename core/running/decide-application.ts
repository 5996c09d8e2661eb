import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { applications, participants } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, CoreError, NotFound } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { acceptedCount, applicationRank, cohortForEmail, cohortSessionsForEmail, nextApplicationTicket } from '../applications/shared';
import { groupForEmail, onlineLinkFor } from '../registrations/shared';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { audit, cohortForOrganizer } from './shared';

export const DECISIONS = ['accept', 'decline', 'waitlist'] as const;

export const decideApplicationInput = z.object({
  applicationId: z.uuid(),
  decision: z.enum(DECISIONS),
  /** The organizer's words to the applicant, added to the email. */
  message: z.string().trim().max(5000).optional().transform((m) => (m ? m : undefined)),
});

/** What each decision may follow: an application waiting for a decision, or one on the waitlist. */
const ALLOWED: Record<(typeof DECISIONS)[number], readonly string[]> = {
  accept: ['applied', 'waitlisted'],
  decline: ['applied', 'waitlisted'],
  waitlist: ['applied'],
};

/**
 * Accepts, declines or waitlists an application, telling the applicant by email (with the
 * organizer's message when given). Accepting respects the cohort's capacity: a full cohort
 * refuses (waitlist the person instead). An accepted person gets the online link and the
 * cohort's sessions.
 */
export async function decideApplication({ ctx, input }: { ctx: Context; input: z.input<typeof decideApplicationInput> }) {
  const q = parseInput(decideApplicationInput, input);
  return withTransaction(ctx, async (tx) => {
    const [found] = await tx.db.select({ cohortId: applications.cohortId }).from(applications).where(eq(applications.id, q.applicationId));
    if (!found) throw new NotFound('application');
    // Locks the cohort: decisions on one cohort are taken one at a time, so capacity holds.
    const { cohort, group, organization } = await cohortForOrganizer(tx, found.cohortId, 'sessions.run', true).catch((err: unknown) => {
      if (err instanceof NotFound) throw new NotFound('application');
      throw err;
    });
    const [application] = await tx.db.select().from(applications).where(eq(applications.id, q.applicationId)).for('update');
    const from = application!.status;
    if (!ALLOWED[q.decision].includes(from)) throw new Conflict(`an application that is ${from} cannot be given this decision`, 'decision_not_allowed');
    if (cohort.status === 'cancelled' || cohort.status === 'completed') throw new Conflict(`this cohort is ${cohort.status}`, 'cohort_closed');

    let status: 'accepted' | 'declined' | 'waitlisted';
    let ticket: number | null = null;
    if (q.decision === 'accept') {
      if (cohort.capacity != null && (await acceptedCount(tx, cohort.id)) >= cohort.capacity) {
        throw new CoreError('full', 'this cohort is full: waitlist the person or raise the capacity', [], 'cohort_full');
      }
      status = 'accepted';
    } else if (q.decision === 'waitlist') {
      status = 'waitlisted';
      ticket = await nextApplicationTicket(tx, cohort.id);
    } else status = 'declined';

    const userId = tx.actor.type === 'user' ? tx.actor.userId : null;
    await tx.db
      .update(applications)
      .set({ status, waitlistPosition: ticket, decidedAt: tx.now, decidedBy: userId, decisionNote: q.message ?? null })
      .where(eq(applications.id, application!.id));
    const position = ticket == null ? null : await applicationRank(tx, cohort.id, ticket);
    await enqueueEmail(tx, {
      key: `application:${application!.id}:${status}`,
      to: (await emailOf(tx, application!.participantId))!,
      locale: application!.locale,
      template: `application_${status}`,
      payload: {
        participantId: application!.participantId,
        name: application!.displayName,
        group: groupForEmail(group),
        cohort: cohortForEmail(cohort),
        ...(status === 'accepted' ? { onlineUrl: onlineLinkFor(group), cohortSessions: await cohortSessionsForEmail(tx, cohort.id) } : {}),
        ...(position != null ? { position } : {}),
        ...(q.message ? { message: q.message } : {}),
      },
    });
    await audit(tx, {
      organizationId: organization.id,
      action: `application.${status}`,
      entityType: 'application',
      entityId: application!.id,
      data: { from, withMessage: Boolean(q.message) },
    });
    await refreshGroupSearch(tx.db, [group.id], tx.now);
    return { status, position };
  });
}

async function emailOf(tx: Context, participantId: string): Promise<string | undefined> {
  const [row] = await tx.db.select({ email: participants.email }).from(participants).where(eq(participants.id, participantId));
  return row?.email;
}
