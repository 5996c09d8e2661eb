import { and, asc, eq, inArray } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import {
  applications,
  attendance,
  cohorts,
  groups,
  intakeQuestions,
  organizations,
  participants,
  registrations,
  sessions,
  type Answers,
  type Locale,
} from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import { requireGroupPermission, requirePermission, requireUserId, type Permission } from '../policy/permissions';
import { bilingual, type Bilingual } from '../text';
import { sessionCapacity } from '../registrations/shared';

export type GroupRow = InferSelectModel<typeof groups>;
export type SessionRow = InferSelectModel<typeof sessions>;
export type CohortRow = InferSelectModel<typeof cohorts>;
export type AttendanceStatus = 'present' | 'absent' | 'excused';

/** The organization a page of the organizer area is about, by its slug, for a member with `permission`. */
export async function organizationBySlug(ctx: Context, slug: string, permission: Permission) {
  requireUserId(ctx);
  const [org] = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!org) throw new NotFound('organization');
  const role = await requirePermission(ctx, org.id, permission);
  return { ...org, name: bilingual(org.nameEn, org.nameFr), role };
}

async function organizationOf(ctx: Context, organizationId: string) {
  const [org] = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return { id: org!.id, slug: org!.slug, name: bilingual(org!.nameEn, org!.nameFr) };
}

/**
 * Loads a session and its group for an organizer who holds `permission` in the group's
 * organization (locking the session row when `lock` is set, for actions that change it). A
 * stranger to the organization gets NotFound, exactly as for a session that does not exist.
 */
export async function sessionForOrganizer(ctx: Context, sessionId: string, permission: Permission, lock = false) {
  requireUserId(ctx);
  const query = ctx.db.select().from(sessions).where(eq(sessions.id, sessionId));
  const [session] = lock ? await query.for('update') : await query;
  if (!session) throw new NotFound('session');
  const { organizationId, role } = await requireGroupPermission(ctx, session.groupId, permission).catch((err: unknown) => {
    if (err instanceof NotFound) throw new NotFound('session');
    throw err;
  });
  const [group] = await ctx.db.select().from(groups).where(eq(groups.id, session.groupId));
  const cohort = session.cohortId ? ((await ctx.db.select().from(cohorts).where(eq(cohorts.id, session.cohortId)))[0] ?? null) : null;
  return { session, group: group!, cohort, organization: await organizationOf(ctx, organizationId), role };
}

/** Same for a cohort. */
export async function cohortForOrganizer(ctx: Context, cohortId: string, permission: Permission, lock = false) {
  requireUserId(ctx);
  const query = ctx.db.select().from(cohorts).where(eq(cohorts.id, cohortId));
  const [cohort] = lock ? await query.for('update') : await query;
  if (!cohort) throw new NotFound('cohort');
  const { organizationId, role } = await requireGroupPermission(ctx, cohort.groupId, permission).catch((err: unknown) => {
    if (err instanceof NotFound) throw new NotFound('cohort');
    throw err;
  });
  const [group] = await ctx.db.select().from(groups).where(eq(groups.id, cohort.groupId));
  return { cohort, group: group!, organization: await organizationOf(ctx, organizationId), role };
}

/** The seats of a session: its own or its group's for a drop-in session, its cohort's for a cohort session. */
export function seatsOf(session: SessionRow, group: GroupRow, cohort: CohortRow | null): number | null {
  return cohort ? cohort.capacity : sessionCapacity(session, group);
}

/** A person expected at a session: a confirmed (or waitlisted) sign-up, or an accepted member of its cohort. */
export interface RosterPerson {
  /** The registration or application id. */
  id: string;
  participantId: string;
  name: string;
  email: string;
  locale: Locale;
  answers: Answers;
  status: 'confirmed' | 'waitlisted' | 'accepted';
  /** Waitlist ticket (order only; the rank is computed by the caller). */
  ticket: number | null;
  /** The address is not proven yet: the place is held for a short while (decision 0010). */
  held: boolean;
}

/**
 * Who a session is for: drop-in sessions, the confirmed sign-ups (and, when asked, the waitlist in
 * order); cohort sessions, the accepted members of the cohort (and, when asked, its waitlist).
 */
export async function rosterOf(ctx: Context, session: Pick<SessionRow, 'id' | 'cohortId'>, withWaitlist: boolean): Promise<RosterPerson[]> {
  if (session.cohortId) return cohortMembers(ctx, session.cohortId, withWaitlist);
  const statuses: ('confirmed' | 'waitlisted')[] = withWaitlist ? ['confirmed', 'waitlisted'] : ['confirmed'];
  const list = await ctx.db
    .select({ r: registrations, email: participants.email })
    .from(registrations)
    .innerJoin(participants, eq(participants.id, registrations.participantId))
    .where(and(eq(registrations.sessionId, session.id), inArray(registrations.status, statuses)))
    .orderBy(asc(registrations.waitlistPosition), asc(registrations.createdAt), asc(registrations.displayName));
  return list.map(({ r, email }) => ({
    id: r.id,
    participantId: r.participantId,
    name: r.displayName,
    email,
    locale: r.locale,
    answers: r.answers,
    status: r.status as 'confirmed' | 'waitlisted',
    ticket: r.waitlistPosition,
    held: r.holdExpiresAt != null,
  }));
}

/** The accepted members of a cohort (and its waitlist, in order, when asked). */
export async function cohortMembers(ctx: Context, cohortId: string, withWaitlist: boolean): Promise<RosterPerson[]> {
  const statuses: ('accepted' | 'waitlisted')[] = withWaitlist ? ['accepted', 'waitlisted'] : ['accepted'];
  const list = await ctx.db
    .select({ a: applications, email: participants.email })
    .from(applications)
    .innerJoin(participants, eq(participants.id, applications.participantId))
    .where(and(eq(applications.cohortId, cohortId), inArray(applications.status, statuses)))
    .orderBy(asc(applications.waitlistPosition), asc(applications.displayName), asc(applications.createdAt));
  return list.map(({ a, email }) => ({
    id: a.id,
    participantId: a.participantId,
    name: a.displayName,
    email,
    locale: a.locale,
    answers: a.answers,
    status: a.status === 'accepted' ? 'accepted' : 'waitlisted',
    ticket: a.waitlistPosition,
    held: a.holdExpiresAt != null,
  }));
}

/** Whether a person holds a place at a session (confirmed sign-up or accepted cohort member). */
export function isConfirmed(person: RosterPerson): boolean {
  return person.status !== 'waitlisted';
}

/** The attendance recorded for a session, by participant (walk-ins, who have none, are left out). */
export async function attendanceOf(ctx: Context, sessionId: string): Promise<Map<string, AttendanceStatus>> {
  const list = await ctx.db
    .select({ participantId: attendance.participantId, status: attendance.status })
    .from(attendance)
    .where(eq(attendance.sessionId, sessionId));
  return new Map(list.flatMap((a) => (a.participantId ? [[a.participantId, a.status] as const] : [])));
}

export interface Question {
  id: string;
  label: Bilingual;
  type: 'text' | 'choice' | 'yes_no';
  options: { value: string; label: Bilingual }[];
}

export interface LabelledAnswer {
  questionId: string;
  label: Bilingual;
  /** The answer as given: text, a choice's value, or a yes/no as a boolean. */
  value: string | boolean;
  /** For a choice, the option's label. */
  choice: Bilingual | null;
}

export async function questionsOf(ctx: Context, groupId: string): Promise<Question[]> {
  const list = await ctx.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, groupId)).orderBy(asc(intakeQuestions.position));
  return list.map((q) => ({
    id: q.id,
    label: bilingual(q.labelEn, q.labelFr),
    type: q.type,
    options: q.options.map((o) => ({ value: o.value, label: bilingual(o.labelEn, o.labelFr) })),
  }));
}

/** A person's answers, in the order of the group's questions, each with its question's label. */
export function labelAnswers(questions: Question[], answers: Answers): LabelledAnswer[] {
  const out: LabelledAnswer[] = [];
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined) continue;
    const option = q.type === 'choice' ? q.options.find((o) => o.value === value) : undefined;
    out.push({ questionId: q.id, label: q.label, value, choice: option ? option.label : null });
  }
  return out;
}


export function sessionSummary(session: SessionRow, group: GroupRow, cohort: CohortRow | null) {
  return {
    id: session.id,
    groupId: group.id,
    cohortId: session.cohortId,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    status: session.status,
    statusReason: session.statusReason,
    originalStartsAt: session.originalStartsAt,
    makeUpForSessionId: session.makeUpForSessionId,
    /** The session's own capacity (null = the group's default). */
    ownCapacity: session.capacity,
    /** The seats that apply (null = unlimited). */
    capacity: seatsOf(session, group, cohort),
  };
}

export function groupSummary(group: GroupRow) {
  return {
    id: group.id,
    slug: group.slug,
    title: bilingual(group.titleEn, group.titleFr),
    timeZone: group.timeZone,
    delivery: group.delivery,
    format: group.format,
    status: group.status,
    hasOnlineLink: Boolean(group.onlineUrl),
    defaultCapacity: group.sessionCapacity,
  };
}

export { audit } from '../audit/write-audit';
