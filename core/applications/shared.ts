import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import { applications, cohorts, groups, sessions } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import type { EmailPayload } from '../email/enqueue';

export type CohortRow = InferSelectModel<typeof cohorts>;

/** Locks the cohort row (one decision at a time per cohort, across processes) and loads its group. */
export async function lockCohort(ctx: Context, cohortId: string) {
  const [cohort] = await ctx.db.select().from(cohorts).where(eq(cohorts.id, cohortId)).for('update');
  if (!cohort) throw new NotFound('cohort');
  const [group] = await ctx.db.select().from(groups).where(eq(groups.id, cohort.groupId));
  if (!group || group.status !== 'published') throw new NotFound('cohort');
  return { cohort, group };
}

export async function acceptedCount(ctx: Context, cohortId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.cohortId, cohortId), eq(applications.status, 'accepted')));
  return row?.n ?? 0;
}

export async function nextApplicationTicket(ctx: Context, cohortId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ max: sql<number | null>`max(${applications.waitlistPosition})` })
    .from(applications)
    .where(eq(applications.cohortId, cohortId));
  return Number(row?.max ?? 0) + 1;
}

export async function applicationRank(ctx: Context, cohortId: string, ticket: number): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.cohortId, cohortId), eq(applications.status, 'waitlisted'), lte(applications.waitlistPosition, ticket)));
  return row?.n ?? 0;
}

/** A cohort's sessions that will take place (not cancelled), soonest first. */
export async function plannedCohortSessions(ctx: Context, cohortId: string): Promise<{ startsAt: Date; endsAt: Date }[]> {
  return ctx.db
    .select({ startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.cohortId, cohortId), sql`${sessions.status} <> 'cancelled'`))
    .orderBy(asc(sessions.startsAt));
}

/**
 * When enrollment closes, from the cohort's planned sessions (soonest first): at the start of the
 * first session, or (late joining up to session K) at the start of session K + 1. Without
 * scheduled sessions, at midnight UTC of the start date.
 */
export function enrollmentClosesFrom(cohort: CohortRow, planned: readonly { startsAt: Date }[]): Date {
  if (planned.length === 0) return new Date(`${cohort.startsOn}T00:00:00Z`);
  // Past the last session, enrollment is closed once the last one starts.
  return (planned[cohort.lateJoinUntilSession] ?? planned[planned.length - 1]!).startsAt;
}

/** When enrollment for a cohort closes (see enrollmentClosesFrom). */
export async function enrollmentClosesAt(ctx: Context, cohort: CohortRow): Promise<Date> {
  return enrollmentClosesFrom(cohort, await plannedCohortSessions(ctx, cohort.id));
}

export function cohortForEmail(cohort: CohortRow): NonNullable<EmailPayload['cohort']> {
  return { id: cohort.id, startsOn: cohort.startsOn, endsOn: cohort.endsOn };
}

/** A cohort's planned sessions, for the calendar file sent with an acceptance. */
export async function cohortSessionsForEmail(ctx: Context, cohortId: string): Promise<NonNullable<EmailPayload['cohortSessions']>> {
  const rows = await ctx.db
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.cohortId, cohortId), sql`${sessions.status} <> 'cancelled'`))
    .orderBy(asc(sessions.startsAt));
  return rows.map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() }));
}
