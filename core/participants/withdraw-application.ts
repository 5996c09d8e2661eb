import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { applications } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { lockCohort, cohortForEmail } from '../applications/shared';
import { promoteApplications } from '../applications/promote-applications';
import { groupForEmail } from '../registrations/shared';
import { participantFromToken } from './resolve';
import { audit } from '../audit/write-audit';

export const withdrawApplicationInput = z.object({ token: z.string().min(1).max(200), applicationId: z.uuid() });

/** Withdraws an application (applied, waitlisted or accepted); a freed place goes to the next in line. */
export async function withdrawApplication({ ctx, input }: { ctx: Context; input: z.input<typeof withdrawApplicationInput> }) {
  const q = parseInput(withdrawApplicationInput, input);
  return withTransaction(ctx, async (tx) => {
    const person = await participantFromToken(tx, q.token);
    const [found] = await tx.db
      .select({ cohortId: applications.cohortId })
      .from(applications)
      .where(and(eq(applications.id, q.applicationId), eq(applications.participantId, person.id)));
    if (!found) throw new NotFound('application');
    const { cohort, group } = await lockCohort(tx, found.cohortId);
    const [withdrawn] = await tx.db
      .update(applications)
      .set({ status: 'withdrawn', waitlistPosition: null, withdrawnAt: tx.now })
      .where(and(eq(applications.id, q.applicationId), inArray(applications.status, ['applied', 'accepted', 'waitlisted'])))
      .returning();
    if (!withdrawn) return { withdrawn: false, promoted: [] as string[] };
    await enqueueEmail(tx, {
      key: `application:${withdrawn.id}:withdrawn`,
      to: person.email,
      locale: withdrawn.locale,
      template: 'application_withdrawn',
      payload: { participantId: person.id, name: withdrawn.displayName, group: groupForEmail(group), cohort: cohortForEmail(cohort) },
    });
    await audit(tx, {
      organizationId: group.organizationId,
      actor: { type: 'participant', id: person.id },
      action: 'application.withdrawn',
      entityType: 'application',
      entityId: withdrawn.id,
    });
    const promoted = await promoteApplications(tx, cohort.id);
    return { withdrawn: true, promoted };
  });
}
