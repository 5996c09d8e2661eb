import { and, asc, eq, isNull } from 'drizzle-orm';
import { applications, participants } from '../../db/schema';
import type { Context } from '../context';
import { enqueueEmail } from '../email/enqueue';
import { groupForEmail, onlineLinkFor } from '../registrations/shared';
import { acceptedCount, cohortForEmail, cohortSessionsForEmail, lockCohort } from './shared';

/**
 * Fills free places of a cohort from its waitlist, in order, when the group promotes
 * automatically (closed groups may choose manual promotion: then organizers decide).
 */
export async function promoteApplications(tx: Context, cohortId: string): Promise<string[]> {
  const { cohort, group } = await lockCohort(tx, cohortId);
  if (group.waitlistPromotion !== 'automatic' || cohort.status === 'cancelled' || cohort.status === 'completed') return [];
  const free = cohort.capacity == null ? 1000 : cohort.capacity - (await acceptedCount(tx, cohort.id));
  if (free <= 0) return [];
  const waiting = await tx.db
    .select({ a: applications, email: participants.email })
    .from(applications)
    .innerJoin(participants, eq(participants.id, applications.participantId))
    // Applicants whose address is not proven yet are skipped until they prove it (decision 0010).
    .where(and(eq(applications.cohortId, cohort.id), eq(applications.status, 'waitlisted'), isNull(applications.holdExpiresAt)))
    .orderBy(asc(applications.waitlistPosition))
    .limit(free);
  const promoted: string[] = [];
  const cohortSessions = waiting.length ? await cohortSessionsForEmail(tx, cohort.id) : [];
  for (const { a, email } of waiting) {
    await tx.db
      .update(applications)
      .set({ status: 'accepted', waitlistPosition: null, decidedAt: tx.now })
      .where(eq(applications.id, a.id));
    promoted.push(a.id);
    await enqueueEmail(tx, {
      key: `application:${a.id}:accepted`,
      to: email,
      locale: a.locale,
      template: 'application_accepted',
      payload: {
        participantId: a.participantId,
        name: a.displayName,
        group: groupForEmail(group),
        cohort: cohortForEmail(cohort),
        onlineUrl: onlineLinkFor(group),
        cohortSessions,
      },
    });
  }
  return promoted;
}
