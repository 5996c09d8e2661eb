import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cohorts, modules } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid, NotFound, type Issue } from '../errors';
import { syncSessions } from './materialize-sessions';
import { audit, blankToNull, editableGroup, lockGroup, touchGroup } from './shared';

const text = (max: number) => z.string().trim().max(max, { error: 'too_long' }).nullish().transform((s) => blankToNull(s));

export const moduleInput = z.object({ titleEn: text(200), titleFr: text(200), summaryEn: text(2000), summaryFr: text(2000) });

export const saveModulesInput = z.object({
  groupId: z.uuid(),
  cohortId: z.uuid(),
  /** The whole program, in order: module 1 is held at the first session. */
  modules: z.array(moduleInput).max(200, { error: 'too_long' }),
});
export type SaveModulesInput = z.input<typeof saveModulesInput>;

/** Replaces a cohort's ordered list of modules; each session then carries the module of its rank. */
export async function saveModules({ ctx, input }: { ctx: Context; input: SaveModulesInput }): Promise<{ count: number }> {
  const q = parseInput(saveModulesInput, input);
  const group = await editableGroup(ctx, q.groupId);
  return withTransaction(ctx, async (tx) => {
    await lockGroup(tx, q.groupId);
    const [cohort] = await tx.db.select().from(cohorts).where(and(eq(cohorts.id, q.cohortId), eq(cohorts.groupId, q.groupId)));
    if (!cohort) throw new NotFound('cohort');
    const issues: Issue[] = [];
    q.modules.forEach((m, i) => {
      if (!m.titleEn && !m.titleFr) issues.push({ path: `modules.${i}.titleEn`, message: 'title_required' });
    });
    if (q.modules.length > cohort.sessionCount) issues.push({ path: 'modules', message: 'more_modules_than_sessions' });
    if (issues.length) throw new Invalid(issues);

    const before = await tx.db.select().from(modules).where(eq(modules.cohortId, cohort.id)).orderBy(asc(modules.position));
    // Keep the rows of positions that remain (sessions point at them), rewrite their text.
    for (const [i, m] of q.modules.entries()) {
      const existing = before[i];
      if (existing) await tx.db.update(modules).set(m).where(eq(modules.id, existing.id));
      else await tx.db.insert(modules).values({ cohortId: cohort.id, position: i + 1, ...m });
    }
    for (const extra of before.slice(q.modules.length)) await tx.db.delete(modules).where(eq(modules.id, extra.id));
    await syncSessions(tx, q.groupId);
    await audit(tx, {
      organizationId: group.organizationId,
      action: 'cohort.modules_saved',
      entityType: 'cohort',
      entityId: cohort.id,
      data: { groupId: q.groupId, count: q.modules.length },
    });
    await touchGroup(tx, q.groupId);
    return { count: q.modules.length };
  });
}
