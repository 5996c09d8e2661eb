import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groups, intakeQuestions, registrations, sessions, type Answers } from '../../db/schema';
import type { InferSelectModel } from 'drizzle-orm';
import type { Context } from '../context';
import { Invalid, NotFound, Refused } from '../errors';
import { bilingual } from '../text';
import type { EmailPayload } from '../email/enqueue';

export type GroupRow = InferSelectModel<typeof groups>;
export type SessionRow = InferSelectModel<typeof sessions>;

/** What a person gives to sign up or apply; the group's own questions come as `answers`. */
export const personFields = {
  name: z.string().trim().min(1).max(80),
  email: z.email().max(254),
  consent: z.literal(true),
  answers: z.record(z.string(), z.union([z.string().max(2000), z.boolean()])).default({}),
  age: z.number().int().min(0).max(130).optional(),
  region: z.string().trim().max(100).optional(),
  /** "Keep my emails and calendar entries discreet": turns the person's discreet mode on (never off). */
  discreet: z.boolean().default(false),
};

/** Locks the session row (one sign-up at a time per session, across processes) and loads its group. */
export async function lockSession(ctx: Context, sessionId: string): Promise<{ session: SessionRow; group: GroupRow }> {
  const [session] = await ctx.db.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
  if (!session) throw new NotFound('session');
  const [group] = await ctx.db.select().from(groups).where(eq(groups.id, session.groupId));
  if (!group || group.status !== 'published') throw new NotFound('session');
  return { session, group };
}

/** Seats of a drop-in session: its own capacity, else the group's default; null = unlimited. */
export function sessionCapacity(session: SessionRow, group: GroupRow): number | null {
  return session.capacity ?? group.sessionCapacity;
}

export async function confirmedCount(ctx: Context, sessionId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed')));
  return row?.n ?? 0;
}

/** The next waitlist ticket of a session (tickets only grow; the position shown is the rank). */
export async function nextTicket(ctx: Context, sessionId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ max: sql<number | null>`max(${registrations.waitlistPosition})` })
    .from(registrations)
    .where(eq(registrations.sessionId, sessionId));
  return Number(row?.max ?? 0) + 1;
}

/** A waitlisted registration's place in line, 1 for the next person to get a seat. */
export async function waitlistRank(ctx: Context, sessionId: string, ticket: number): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'waitlisted'), lte(registrations.waitlistPosition, ticket)),
    );
  return row?.n ?? 0;
}

/**
 * Checks the group's eligibility rules: residents of its regions only (reach=local), and its age
 * range when it has one.
 */
export function checkEligibility(group: GroupRow, person: { age?: number; region?: string }): void {
  if (group.reach === 'local' && group.regions.length > 0) {
    const region = person.region?.trim().toLowerCase();
    if (!region || !group.regions.some((r) => r.toLowerCase() === region)) {
      throw new Refused('ineligible', `open to residents of ${group.regions.join(', ')} only`);
    }
  }
  if (group.ageMin != null || group.ageMax != null) {
    if (person.age == null) throw new Invalid([{ path: 'age', message: 'this group asks for your age' }]);
    if ((group.ageMin != null && person.age < group.ageMin) || (group.ageMax != null && person.age > group.ageMax)) {
      throw new Refused('ineligible', 'outside the age range of this group');
    }
  }
}

/**
 * Validates answers against the group's questions: required ones present, choices among the
 * options, yes/no as booleans ("yes"/"no" from forms), no unknown questions.
 */
export async function checkAnswers(ctx: Context, groupId: string, answers: Record<string, string | boolean>): Promise<Answers> {
  const questions = await ctx.db
    .select()
    .from(intakeQuestions)
    .where(eq(intakeQuestions.groupId, groupId))
    .orderBy(asc(intakeQuestions.position));
  const known = new Map(questions.map((q) => [q.id, q]));
  const issues = Object.keys(answers)
    .filter((id) => !known.has(id))
    .map((id) => ({ path: `answers.${id}`, message: 'unknown question' }));
  const out: Answers = {};
  for (const q of questions) {
    const raw = answers[q.id];
    const empty = raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (q.required) issues.push({ path: `answers.${q.id}`, message: 'an answer is required' });
      continue;
    }
    if (q.type === 'yes_no') {
      const value = raw === true || raw === 'yes' || raw === 'true' ? true : raw === false || raw === 'no' || raw === 'false' ? false : null;
      if (value === null) issues.push({ path: `answers.${q.id}`, message: 'answer yes or no' });
      else out[q.id] = value;
    } else if (q.type === 'choice') {
      if (typeof raw !== 'string' || !q.options.some((o) => o.value === raw)) {
        issues.push({ path: `answers.${q.id}`, message: 'choose one of the options' });
      } else out[q.id] = raw;
    } else {
      out[q.id] = String(raw).trim();
    }
  }
  if (issues.length) throw new Invalid(issues);
  return out;
}

/** The group part of an email's payload. */
export function groupForEmail(group: GroupRow): EmailPayload['group'] {
  return {
    slug: group.slug,
    slugFr: group.slugFr,
    title: bilingual(group.titleEn, group.titleFr),
    timeZone: group.timeZone,
    delivery: group.delivery,
    place:
      group.delivery === 'online'
        ? null
        : [group.venueName, group.street, group.city].filter((x): x is string => Boolean(x)).join(', ') || null,
  };
}

export function sessionForEmail(session: SessionRow): NonNullable<EmailPayload['session']> {
  return { id: session.id, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() };
}

/** The meeting link, for someone whose place is confirmed in a group that meets online. */
export function onlineLinkFor(group: GroupRow, session?: SessionRow): string | null {
  const online = group.delivery !== 'in_person' || session?.status === 'moved_online';
  return online ? group.onlineUrl : null;
}
