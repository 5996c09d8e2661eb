import { and, asc, count, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  cohorts,
  facilitators,
  groupFacilitators,
  groupTopics,
  intakeQuestions,
  modules,
  organizations,
  registrations,
  schedules,
  sessions,
  topics,
} from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { can, requirePermission } from '../policy/permissions';
import { publishFacts } from './publish-group';
import { publishProblems, type PublishCheck } from './publish-problems';
import { formFromRule, type ScheduleForm } from './schedule-rule';
import { editableGroup, type GroupRow } from './shared';

export const getGroupEditorInput = z.object({ groupId: z.uuid(), organizationSlug: z.string().min(1).optional() });

export interface GroupEditorData {
  group: GroupRow;
  organization: { id: string; slug: string; nameEn: string; nameFr: string | null };
  topicIds: string[];
  facilitatorIds: string[];
  /** The organization's facilitators, to pick from. */
  facilitatorChoices: { id: string; displayName: string; leadership: string; licenceStatus: string }[];
  /** Every topic, parents first, to pick from. */
  topicChoices: { id: string; parentId: string | null; labelEn: string; labelFr: string }[];
  schedules: { id: string; rrule: string; form: ScheduleForm | null; durationMinutes: number }[];
  upcomingSessions: {
    id: string; startsAt: Date; endsAt: Date; status: string; scheduleId: string | null; cohortId: string | null;
    isExtra: boolean; topicEn: string | null; topicFr: string | null; registrations: number;
  }[];
  cohorts: (typeof cohorts.$inferSelect & { modules: (typeof modules.$inferSelect)[] })[];
  questions: (typeof intakeQuestions.$inferSelect)[];
  check: PublishCheck;
}

/**
 * Everything the group editor shows. Needs `groups.edit`. With `organizationSlug`, the group must
 * belong to that organization (a URL mixing two organizations is NotFound).
 */
export async function getGroupEditor({ ctx, input }: { ctx: Context; input: z.input<typeof getGroupEditorInput> }): Promise<GroupEditorData> {
  const q = parseInput(getGroupEditorInput, input);
  const group = await editableGroup(ctx, q.groupId);
  const [organization] = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr })
    .from(organizations)
    .where(eq(organizations.id, group.organizationId));
  if (!organization || (q.organizationSlug && organization.slug !== q.organizationSlug)) throw new NotFound('group');

  const [topicLinks, facLinks, facilitatorChoices, topicChoices, scheduleRows, sessionRows, cohortRows, questions, facts] = await Promise.all([
    ctx.db.select({ id: groupTopics.topicId }).from(groupTopics).where(eq(groupTopics.groupId, group.id)),
    ctx.db.select({ id: groupFacilitators.facilitatorId }).from(groupFacilitators).where(eq(groupFacilitators.groupId, group.id)).orderBy(asc(groupFacilitators.position)),
    ctx.db
      .select({ id: facilitators.id, displayName: facilitators.displayName, leadership: facilitators.leadership, licenceStatus: facilitators.licenceStatus })
      .from(facilitators)
      .where(eq(facilitators.organizationId, group.organizationId))
      .orderBy(asc(facilitators.displayName)),
    ctx.db
      .select({ id: topics.id, parentId: topics.parentId, labelEn: topics.labelEn, labelFr: topics.labelFr })
      .from(topics)
      .orderBy(sql`coalesce(${topics.parentId}, ${topics.id})`, sql`${topics.parentId} is not null`, asc(topics.position)),
    ctx.db.select().from(schedules).where(eq(schedules.groupId, group.id)).orderBy(asc(schedules.createdAt)),
    ctx.db
      .select({
        id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, status: sessions.status, scheduleId: sessions.scheduleId,
        cohortId: sessions.cohortId, isExtra: sessions.isExtra, topicEn: sessions.topicEn, topicFr: sessions.topicFr,
      })
      .from(sessions)
      .where(and(eq(sessions.groupId, group.id), gte(sessions.endsAt, ctx.now)))
      .orderBy(asc(sessions.startsAt))
      .limit(60),
    ctx.db.select().from(cohorts).where(eq(cohorts.groupId, group.id)).orderBy(asc(cohorts.startsOn)),
    ctx.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, group.id)).orderBy(asc(intakeQuestions.position)),
    publishFacts(ctx, group),
  ]);
  const regCounts = sessionRows.length
    ? await ctx.db
        .select({ id: registrations.sessionId, n: count() })
        .from(registrations)
        .where(and(inArray(registrations.sessionId, sessionRows.map((s) => s.id)), ne(registrations.status, 'cancelled')))
        .groupBy(registrations.sessionId)
    : [];
  const regBy = new Map(regCounts.map((r) => [r.id, r.n]));
  const moduleRows = cohortRows.length
    ? await ctx.db.select().from(modules).where(inArray(modules.cohortId, cohortRows.map((c) => c.id))).orderBy(asc(modules.position))
    : [];
  return {
    group,
    organization,
    topicIds: topicLinks.map((t) => t.id),
    facilitatorIds: facLinks.map((f) => f.id),
    facilitatorChoices,
    topicChoices,
    schedules: scheduleRows.map((s) => ({ id: s.id, rrule: s.rrule, durationMinutes: s.durationMinutes, form: formFromRule(s) })),
    upcomingSessions: sessionRows.map((s) => ({ ...s, registrations: regBy.get(s.id) ?? 0 })),
    cohorts: cohortRows.map((c) => ({ ...c, modules: moduleRows.filter((m) => m.cohortId === c.id) })),
    questions,
    check: publishProblems(group, facts),
  };
}

/** An organization found by its slug, for organizer pages (the permission check comes after). */
export async function organizationBySlug(ctx: Context, slug: string): Promise<{ id: string; slug: string; nameEn: string; nameFr: string | null }> {
  const [row] = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!row) throw new NotFound('organization');
  return row;
}

/** The organization's groups for the organizer list. Needs `organization.view`. */
export async function listOrganizationGroups({ ctx, input }: { ctx: Context; input: { organizationSlug: string } }) {
  const organization = await organizationBySlug(ctx, input.organizationSlug);
  const role = await requirePermission(ctx, organization.id, 'organization.view');
  const rows = (await ctx.db.execute(sql`
    select g.id, g.slug, g.status, g.kind, g.format, g.title_en, g.title_fr, g.time_zone, g.updated_at,
      (select min(s.starts_at) from sessions s where s.group_id = g.id and s.starts_at >= ${ctx.now.toISOString()}::timestamptz and s.status <> 'cancelled') as next_start
    from groups g where g.organization_id = ${organization.id}
    order by case g.status when 'published' then 0 when 'draft' then 1 else 2 end, coalesce(g.title_en, g.title_fr)
  `)) as unknown as {
    rows: { id: string; slug: string; status: 'draft' | 'published' | 'archived'; kind: string; format: string; title_en: string | null; title_fr: string | null; time_zone: string; updated_at: string | Date; next_start: string | Date | null }[];
  };
  return {
    organization,
    canEdit: can(role, 'groups.edit'),
    groups: rows.rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      status: r.status,
      kind: r.kind,
      format: r.format,
      titleEn: r.title_en,
      titleFr: r.title_fr,
      timeZone: r.time_zone,
      nextStart: r.next_start ? new Date(r.next_start) : null,
    })),
  };
}
