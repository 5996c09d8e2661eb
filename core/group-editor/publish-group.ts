import { and, count, eq, gte, ne, notInArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { cohorts, facilitators, groupFacilitators, groups, schedules, sessions } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Invalid } from '../errors';
import { syncSessions } from './materialize-sessions';
import { publishProblems, type PublishCheck, type PublishFacts } from './publish-problems';
import { audit, editableGroup, lockGroup, touchGroup, type GroupRow } from './shared';

/** Gathers what `publishProblems` needs to know about a group's sessions, cohorts and facilitators. */
export async function publishFacts(ctx: Context, group: GroupRow): Promise<PublishFacts> {
  const linked = await ctx.db
    .select({ leadership: facilitators.leadership, licenceStatus: facilitators.licenceStatus })
    .from(groupFacilitators)
    .innerJoin(facilitators, eq(facilitators.id, groupFacilitators.facilitatorId))
    .where(eq(groupFacilitators.groupId, group.id));
  const [upcoming] = await ctx.db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.groupId, group.id), gte(sessions.startsAt, ctx.now), ne(sessions.status, 'cancelled')));
  const [scheduleCount] = await ctx.db.select({ n: count() }).from(schedules).where(eq(schedules.groupId, group.id));
  const today = DateTime.fromJSDate(ctx.now, { zone: group.timeZone }).toFormat('yyyy-MM-dd');
  const [cohortCount] = await ctx.db
    .select({ n: count() })
    .from(cohorts)
    .where(and(eq(cohorts.groupId, group.id), gte(cohorts.endsOn, today), notInArray(cohorts.status, ['cancelled', 'completed'])));
  return {
    facilitators: linked,
    upcomingSessions: upcoming?.n ?? 0,
    schedules: scheduleCount?.n ?? 0,
    activeCohorts: cohortCount?.n ?? 0,
  };
}

/** What stands between a group and publication (for the editor page). Needs `groups.edit`. */
export async function checkPublish({ ctx, input }: { ctx: Context; input: { groupId: string } }): Promise<PublishCheck> {
  const q = parseInput(z.object({ groupId: z.uuid() }), input);
  const group = await editableGroup(ctx, q.groupId);
  return publishProblems(group, await publishFacts(ctx, group));
}

export const publishGroupInput = z.object({ groupId: z.uuid() });
export type PublishGroupInput = z.input<typeof publishGroupInput>;

/**
 * Publishes a draft (or archived) group once nothing is missing; otherwise Invalid, one issue per
 * problem (path = field, message = i18n key). Makes its sessions of the coming weeks.
 */
export async function publishGroup({ ctx, input }: { ctx: Context; input: PublishGroupInput }): Promise<PublishCheck> {
  const q = parseInput(publishGroupInput, input);
  await editableGroup(ctx, q.groupId);
  return withTransaction(ctx, async (tx) => {
    const group = await lockGroup(tx, q.groupId);
    await syncSessions(tx, q.groupId);
    const check = publishProblems(group, await publishFacts(tx, group));
    if (check.problems.length) throw new Invalid(check.problems.map((p) => ({ path: p.path, message: p.key })));
    if (group.status !== 'published') {
      await tx.db
        .update(groups)
        .set({ status: 'published', publishedAt: group.publishedAt ?? tx.now, archivedAt: null, updatedAt: tx.now })
        .where(eq(groups.id, q.groupId));
      await audit(tx, {
        organizationId: group.organizationId,
        action: 'group.published',
        entityType: 'group',
        entityId: q.groupId,
        data: { from: group.status, missingTranslations: check.missingTranslations.map((m) => m.path) },
      });
    }
    await touchGroup(tx, q.groupId);
    return check;
  });
}
