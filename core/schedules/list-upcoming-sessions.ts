import { and, asc, count, eq, gte, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { cohorts, modules, registrations, sessions } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { editableGroup } from '../group-editor/shared';

/** Sessions per page of a group's upcoming sessions (the schedule page groups them by month). */
export const UPCOMING_PAGE_SIZE = 50;

export const listUpcomingSessionsInput = z.object({
  groupId: z.uuid(),
  /** 1-based; a page past the last one shows the last one. */
  page: z.number().int().min(1).default(1),
});
export type ListUpcomingSessionsInput = z.input<typeof listUpcomingSessionsInput>;

export interface UpcomingSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  scheduleId: string | null;
  cohortId: string | null;
  /** The start date of the session's cohort (closed groups), to tell cohorts apart. */
  cohortStartsOn: string | null;
  moduleTitle: { en: string | null; fr: string | null } | null;
  isExtra: boolean;
  /** People registered (confirmed or waiting). */
  registrations: number;
}

export interface UpcomingSessionsPage {
  sessions: UpcomingSession[];
  page: number;
  pages: number;
  total: number;
  pageSize: number;
}

/**
 * Every session of a group that has not ended yet, soonest first, a page at a time, for the
 * organizer's schedule page (each one links to its session page: registrants, cancel, postpone).
 * Needs `groups.edit`.
 */
export async function listUpcomingSessions({ ctx, input }: { ctx: Context; input: ListUpcomingSessionsInput }): Promise<UpcomingSessionsPage> {
  const q = parseInput(listUpcomingSessionsInput, input);
  const group = await editableGroup(ctx, q.groupId);
  const upcoming = and(eq(sessions.groupId, group.id), gte(sessions.endsAt, ctx.now));
  const [total] = await ctx.db.select({ n: count() }).from(sessions).where(upcoming);
  const n = total?.n ?? 0;
  const pages = Math.max(1, Math.ceil(n / UPCOMING_PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const rows = await ctx.db
    .select({
      id: sessions.id,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      scheduleId: sessions.scheduleId,
      cohortId: sessions.cohortId,
      cohortStartsOn: cohorts.startsOn,
      moduleEn: modules.titleEn,
      moduleFr: modules.titleFr,
      isExtra: sessions.isExtra,
    })
    .from(sessions)
    .leftJoin(cohorts, eq(cohorts.id, sessions.cohortId))
    .leftJoin(modules, eq(modules.id, sessions.moduleId))
    .where(upcoming)
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(UPCOMING_PAGE_SIZE)
    .offset((page - 1) * UPCOMING_PAGE_SIZE);
  const counts = rows.length
    ? await ctx.db
        .select({ id: registrations.sessionId, n: count() })
        .from(registrations)
        .where(and(inArray(registrations.sessionId, rows.map((r) => r.id)), ne(registrations.status, 'cancelled')))
        .groupBy(registrations.sessionId)
    : [];
  const countOf = new Map(counts.map((c) => [c.id, c.n]));
  return {
    sessions: rows.map(({ moduleEn, moduleFr, ...r }) => ({
      ...r,
      moduleTitle: moduleEn || moduleFr ? { en: moduleEn, fr: moduleFr } : null,
      registrations: countOf.get(r.id) ?? 0,
    })),
    page,
    pages,
    total: n,
    pageSize: UPCOMING_PAGE_SIZE,
  };
}
