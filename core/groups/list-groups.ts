import { and, count, eq, sql, asc, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { groups, organizations, GROUP_KINDS, GROUP_FORMATS, LEADERSHIPS, DELIVERIES } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { publicSummary, type PublicGroupSummary } from './public-group';

export const MAX_PER_PAGE = 100;

export const listGroupsInput = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  perPage: z.number().int().min(1).max(MAX_PER_PAGE).default(20),
  kind: z.enum(GROUP_KINDS).optional(),
  format: z.enum(GROUP_FORMATS).optional(),
  leadership: z.enum(LEADERSHIPS).optional(),
  delivery: z.enum(DELIVERIES).optional(),
});
export type ListGroupsInput = z.input<typeof listGroupsInput>;

export interface GroupList {
  total: number;
  page: number;
  perPage: number;
  pages: number;
  results: PublicGroupSummary[];
}

/** Published groups, soonest next session first, a page at a time. */
export async function listGroups({ ctx, input }: { ctx: Context; input: ListGroupsInput }): Promise<GroupList> {
  const q = parseInput(listGroupsInput, input);
  const where: SQL[] = [eq(groups.status, 'published')];
  if (q.q) {
    // Plain accent- and case-insensitive matching for now; ranked full-text search replaces it.
    const needle = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`unaccent(concat_ws(' ', ${groups.titleEn}, ${groups.titleFr}, ${groups.summaryEn}, ${groups.summaryFr})) ilike unaccent(${needle})`,
    );
  }
  if (q.kind) where.push(eq(groups.kind, q.kind));
  if (q.format) where.push(eq(groups.format, q.format));
  if (q.leadership) where.push(eq(groups.leadership, q.leadership));
  if (q.delivery) where.push(eq(groups.delivery, q.delivery));
  const condition = and(...where);

  const nextSession = sql<Date | null>`(
    select min(s.starts_at) from sessions s
    where s.group_id = groups.id and s.starts_at >= ${ctx.now} and s.status <> 'cancelled')`;
  const nextCohort = sql<string | null>`(
    select min(c.starts_on)::text from cohorts c
    where c.group_id = groups.id and c.ends_on >= ${ctx.now}::date
      and c.status in ('open', 'confirmed', 'postponed'))`;

  const [totalRow] = await ctx.db.select({ n: count() }).from(groups).where(condition);
  const total = totalRow?.n ?? 0;
  const rows = await ctx.db
    .select({
      group: groups,
      nextSessionAt: nextSession,
      nextCohortStartsOn: nextCohort,
      org: { slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr },
    })
    .from(groups)
    .innerJoin(organizations, eq(organizations.id, groups.organizationId))
    .where(condition)
    .orderBy(sql`${nextSession} asc nulls last`, asc(sql`coalesce(${groups.titleEn}, ${groups.titleFr})`), asc(groups.id))
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage);

  return {
    total,
    page: q.page,
    perPage: q.perPage,
    pages: Math.max(1, Math.ceil(total / q.perPage)),
    results: rows.map((r) =>
      publicSummary(r.group, {
        nextSessionAt: r.nextSessionAt == null ? null : new Date(r.nextSessionAt),
        nextCohortStartsOn: r.nextCohortStartsOn,
        organization: r.org,
      }),
    ),
  };
}
