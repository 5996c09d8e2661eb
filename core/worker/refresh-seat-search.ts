import { and, eq, gte, or } from 'drizzle-orm';
import { applications, cohorts, registrations, sessions } from '../../db/schema';
import type { Context } from '../context';
import { refreshGroupSearch } from '../search/refresh-group-search';

/**
 * Keeps search's "has places" up to date: the groups whose registrations or applications changed
 * since `since` get their search rows rebuilt. Sign-ups stay fast (no search work on that path);
 * the worker catches up within one pass.
 */
export async function refreshSeatSearch(ctx: Context, since: Date): Promise<string[]> {
  const regGroups = await ctx.db
    .selectDistinct({ id: sessions.groupId })
    .from(registrations)
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(or(gte(registrations.createdAt, since), gte(registrations.cancelledAt, since), gte(registrations.promotedAt, since)));
  const appGroups = await ctx.db
    .selectDistinct({ id: cohorts.groupId })
    .from(applications)
    .innerJoin(cohorts, eq(cohorts.id, applications.cohortId))
    .where(and(or(gte(applications.createdAt, since), gte(applications.decidedAt, since), gte(applications.withdrawnAt, since))));
  const ids = [...new Set([...regGroups, ...appGroups].map((r) => r.id))];
  await refreshGroupSearch(ctx.db, ids, ctx.now);
  return ids;
}
