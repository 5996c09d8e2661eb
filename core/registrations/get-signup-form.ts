import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { intakeQuestions, registrations, sessions, groups, cohorts, modules, organizations, type Locale } from '../../db/schema';
import { groupSlugs, type GroupSlugs } from '../groups/slugs';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { bilingual, type Bilingual } from '../text';
import { acceptedCount, enrollmentClosesFrom, plannedCohortSessions } from '../applications/shared';
import { cohortRhythm } from '../applications/cohort-rhythm';
import { sessionCapacity } from './shared';
import { signupWindow } from './signup-window';

export interface FormQuestion {
  id: string;
  type: 'text' | 'choice' | 'yes_no';
  label: Bilingual;
  required: boolean;
  options: { value: string; label: Bilingual }[];
}

export interface FormGroup {
  /** The group's address in the context's language. */
  slug: string;
  slugs: GroupSlugs;
  title: Bilingual;
  timeZone: string;
  delivery: string;
  regions: string[] | null;
  ageMin: number | null;
  ageMax: number | null;
}

export async function questionsOf(ctx: Context, groupId: string): Promise<FormQuestion[]> {
  const rows = await ctx.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, groupId)).orderBy(asc(intakeQuestions.position));
  return rows.map((q) => ({
    id: q.id,
    type: q.type,
    label: bilingual(q.labelEn, q.labelFr),
    required: q.required,
    options: q.options.map((o) => ({ value: o.value, label: bilingual(o.labelEn, o.labelFr) })),
  }));
}

function formGroup(g: typeof groups.$inferSelect, locale: Locale): FormGroup {
  const slugs = groupSlugs(g);
  return {
    slug: slugs[locale],
    slugs,
    title: bilingual(g.titleEn, g.titleFr),
    timeZone: g.timeZone,
    delivery: g.delivery,
    regions: g.reach === 'local' && g.regions.length > 0 ? g.regions : null,
    ageMin: g.ageMin,
    ageMax: g.ageMax,
  };
}

/** What the sign-up form of a drop-in session shows: the session, seats, whether it is open, the questions. */
export async function getSignupForm({ ctx, input }: { ctx: Context; input: { sessionId: string } }) {
  const { sessionId } = parseInput(z.object({ sessionId: z.uuid() }), input);
  const [row] = await ctx.db
    .select({ s: sessions, g: groups, org: { email: organizations.email, phone: organizations.phone } })
    .from(sessions)
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .innerJoin(organizations, eq(organizations.id, groups.organizationId))
    .where(and(eq(sessions.id, sessionId), eq(groups.status, 'published'), eq(groups.format, 'drop_in')));
  if (!row) throw new NotFound('session');
  const { s, g, org } = row;
  const [confirmed] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.sessionId, s.id), eq(registrations.status, 'confirmed')));
  const [waiting] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.sessionId, s.id), eq(registrations.status, 'waitlisted')));
  const capacity = sessionCapacity(s, g);
  const window = signupWindow(g, s, ctx.now);
  return {
    group: formGroup(g, ctx.locale),
    /** Whom to ask when sign-up is closed: the group's contact, else its organization's (as on the group page). */
    contact: { email: g.contactEmail ?? org.email ?? null, phone: g.contactPhone ?? org.phone ?? null },
    session: {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      originalStartsAt: s.status === 'postponed' ? s.originalStartsAt : null,
      topic: bilingual(s.topicEn, s.topicFr),
    },
    capacity,
    seatsLeft: capacity == null ? null : Math.max(0, capacity - (confirmed?.n ?? 0)),
    waitlistLength: waiting?.n ?? 0,
    open: window.open,
    closedReason: window.closedReason,
    cutoffAt: window.closesAt,
    cutoffPassed: window.closedReason === 'cutoff_passed',
    questions: await questionsOf(ctx, g.id),
  };
}

/** What the application form of a cohort shows: dates, modules, places, whether enrollment is open, questions. */
export async function getApplicationForm({ ctx, input }: { ctx: Context; input: { cohortId: string } }) {
  const { cohortId } = parseInput(z.object({ cohortId: z.uuid() }), input);
  const [row] = await ctx.db
    .select({ c: cohorts, g: groups })
    .from(cohorts)
    .innerJoin(groups, eq(groups.id, cohorts.groupId))
    .where(and(eq(cohorts.id, cohortId), eq(groups.status, 'published'), eq(groups.format, 'closed')));
  if (!row) throw new NotFound('cohort');
  const { c, g } = row;
  const accepted = await acceptedCount(ctx, c.id);
  const mods = await ctx.db.select().from(modules).where(eq(modules.cohortId, c.id)).orderBy(asc(modules.position));
  const planned = await plannedCohortSessions(ctx, c.id);
  const closesAt = enrollmentClosesFrom(c, planned);
  return {
    group: formGroup(g, ctx.locale),
    cohort: {
      id: c.id,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      sessionCount: c.sessionCount,
      status: c.status,
      /** The weekday and time every session shares ("every Tuesday, 6:30 to 8:30 p.m."), or null. */
      rhythm: cohortRhythm(planned, g.timeZone),
      /** Each planned session, for a cohort without one rhythm. */
      sessions: planned,
      minimumParticipants: c.minimumParticipants,
      decisionAt: c.decisionAt,
    },
    /** Who the group is for, in the organizers' words (shown before the person commits). */
    eligibility: bilingual(g.eligibilityEn, g.eligibilityFr),
    /** The facilitator calls each applicant: the form asks for a phone number. */
    callsApplicants: g.callsApplicants,
    closesAt,
    modules: mods.map((m) => ({ position: m.position, title: bilingual(m.titleEn, m.titleFr) })),
    capacity: c.capacity,
    placesLeft: c.capacity == null ? null : Math.max(0, c.capacity - accepted),
    open: c.status !== 'cancelled' && c.status !== 'completed' && ctx.now < closesAt,
    autoAccept: g.autoAccept,
    questions: await questionsOf(ctx, g.id),
  };
}
