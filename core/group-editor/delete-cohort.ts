import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applications, cohorts } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, NotFound } from '../errors';
import { audit, editableGroup, lockGroup, touchGroup } from './shared';

export const deleteCohortInput = z.object({ groupId: z.uuid(), cohortId: z.uuid() });
export type DeleteCohortInput = z.input<typeof deleteCohortInput>;

/** Deletes a cohort nobody applied to (with its modules and sessions); otherwise Conflict. */
export async function deleteCohort({ ctx, input }: { ctx: Context; input: DeleteCohortInput }): Promise<void> {
  const q = parseInput(deleteCohortInput, input);
  const group = await editableGroup(ctx, q.groupId);
  await withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    const [cohort] = await tx.db.select().from(cohorts).where(and(eq(cohorts.id, q.cohortId), eq(cohorts.groupId, q.groupId)));
    if (!cohort) throw new NotFound('cohort');
    const [applied] = await tx.db.select({ id: applications.id }).from(applications).where(eq(applications.cohortId, cohort.id)).limit(1);
    if (applied) throw new Conflict('people applied to this cohort: it cannot be deleted', 'has_applications');
    await tx.db.delete(cohorts).where(eq(cohorts.id, cohort.id));
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'cohort.deleted',
      entityType: 'cohort',
      entityId: cohort.id,
      data: { groupId: q.groupId, startsOn: cohort.startsOn },
    });
    await touchGroup(tx, q.groupId);
  });
}
