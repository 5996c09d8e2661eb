import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { applications, cohorts, participants } from '../../db/schema';
import { withTransaction, type Context } from '../context';
import { enqueueEmail } from '../email/enqueue';
import { acceptedCount, cohortForEmail, lockCohort } from '../applications/shared';
import { groupForEmail } from '../registrations/shared';
import { audit } from '../audit/write-audit';

/**
 * At a cohort's decision date: with fewer accepted members than its minimum it is postponed,
 * otherwise confirmed; every live applicant is told. Each cohort is decided in its own
 * transaction under a row lock, so several workers never decide one twice.
 */
export async function decideCohorts(ctx: Context): Promise<{ confirmed: string[]; postponed: string[] }> {
  const due = await ctx.db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.status, 'open'), isNotNull(cohorts.minimumParticipants), lte(cohorts.decisionAt, ctx.now)));
  const result = { confirmed: [] as string[], postponed: [] as string[] };
  for (const { id } of due) {
    await withTransaction(ctx, async (tx) => {
      const { cohort, group } = await lockCohort(tx, id);
      if (cohort.status !== 'open' || cohort.minimumParticipants == null) return; // decided meanwhile
      const accepted = await acceptedCount(tx, cohort.id);
      const status = accepted >= cohort.minimumParticipants ? 'confirmed' : 'postponed';
      await tx.db
        .update(cohorts)
        .set({
          status,
          updatedAt: tx.now,
          ...(status === 'postponed' ? { postponedFromStartsOn: cohort.startsOn } : {}),
        })
        .where(eq(cohorts.id, cohort.id));
      const people = await tx.db
        .select({ a: applications, email: participants.email })
        .from(applications)
        .innerJoin(participants, eq(participants.id, applications.participantId))
        .where(and(eq(applications.cohortId, cohort.id), inArray(applications.status, ['applied', 'accepted', 'waitlisted'])));
      for (const { a, email } of people) {
        await enqueueEmail(tx, {
          key: `cohort:${cohort.id}:${status}:${a.id}`,
          to: email,
          locale: a.locale,
          template: status === 'confirmed' ? 'cohort_confirmed' : 'cohort_postponed',
          payload: { participantId: a.participantId, name: a.displayName, group: groupForEmail(group), cohort: cohortForEmail(cohort) },
        });
      }
      await audit(tx, {
        organizationId: group.organizationId,
        actor: { type: 'system' },
        action: `cohort.${status}`,
        entityType: 'cohort',
        entityId: cohort.id,
        data: { accepted, minimum: cohort.minimumParticipants },
      });
      result[status].push(cohort.id);
    });
  }
  return result;
}
