import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applications, participants, sessions } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { cohortForOrganizer, groupSummary, labelAnswers, questionsOf, type LabelledAnswer } from './shared';

export const listCohortApplicationsInput = z.object({ cohortId: z.uuid() });

export interface ApplicationEntry {
  id: string;
  participantId: string;
  name: string;
  email: string;
  status: 'applied' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn';
  /** Place in line (1 = next) for a waitlisted application. */
  rank: number | null;
  answers: LabelledAnswer[];
  appliedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** Waiting for the person to confirm their address: dropped if they do not in time (decision 0010). */
  held: boolean;
}

/**
 * A cohort's applications for its organizers: those waiting for a decision (oldest first), the
 * accepted members, the waitlist in order, and the declined or withdrawn ones, with answers.
 */
export async function listCohortApplications({ ctx, input }: { ctx: Context; input: z.input<typeof listCohortApplicationsInput> }) {
  const q = parseInput(listCohortApplicationsInput, input);
  const { cohort, group, organization, role } = await cohortForOrganizer(ctx, q.cohortId, 'registrants.view');
  const questions = await questionsOf(ctx, group.id);
  const list = await ctx.db
    .select({ a: applications, email: participants.email })
    .from(applications)
    .innerJoin(participants, eq(participants.id, applications.participantId))
    .where(eq(applications.cohortId, cohort.id))
    .orderBy(asc(applications.waitlistPosition), asc(applications.createdAt));
  let rank = 0;
  const entries: ApplicationEntry[] = list.map(({ a, email }) => ({
    id: a.id,
    participantId: a.participantId,
    name: a.displayName,
    email,
    status: a.status,
    rank: a.status === 'waitlisted' ? ++rank : null,
    answers: labelAnswers(questions, a.answers),
    appliedAt: a.createdAt,
    decidedAt: a.decidedAt,
    decisionNote: a.decisionNote,
    held: a.holdExpiresAt != null && a.status !== 'withdrawn',
  }));
  const by = (status: ApplicationEntry['status']) => entries.filter((e) => e.status === status);
  const cohortSessions = await ctx.db
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, status: sessions.status, makeUpForSessionId: sessions.makeUpForSessionId })
    .from(sessions)
    .where(eq(sessions.cohortId, cohort.id))
    .orderBy(asc(sessions.startsAt));
  const accepted = by('accepted').sort((x, y) => x.name.localeCompare(y.name, ctx.locale));
  return {
    organization,
    role,
    group: groupSummary(group),
    cohort: { id: cohort.id, startsOn: cohort.startsOn, endsOn: cohort.endsOn, status: cohort.status, capacity: cohort.capacity },
    sessions: cohortSessions,
    questions,
    applied: by('applied'),
    accepted,
    waitlisted: by('waitlisted'),
    closed: [...by('declined'), ...by('withdrawn')],
    seatsLeft: cohort.capacity == null ? null : Math.max(0, cohort.capacity - accepted.length),
  };
}

export type CohortApplications = Awaited<ReturnType<typeof listCohortApplications>>;
