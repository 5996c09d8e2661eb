import { z } from 'zod';
import { parseInput, type Context } from '../context';
import {
  attendanceOf,
  groupSummary,
  isConfirmed,
  labelAnswers,
  questionsOf,
  rosterOf,
  sessionForOrganizer,
  sessionSummary,
  type AttendanceStatus,
  type LabelledAnswer,
} from './shared';

export const listSessionRegistrantsInput = z.object({ sessionId: z.uuid() });

export interface Registrant {
  /** The registration (drop-in) or application (cohort session) id. */
  id: string;
  participantId: string;
  name: string;
  email: string;
  answers: LabelledAnswer[];
  attendance: AttendanceStatus | null;
  /** Waiting for the person to confirm their address: the place is released if they do not in time. */
  held: boolean;
}

/**
 * The people of one session, for its organizers: who holds a place (with their answers and
 * attendance), then the waitlist in order (rank 1 = next to get a seat). A cohort session lists
 * the cohort's accepted members; its waitlist is the cohort's.
 */
export async function listSessionRegistrants({ ctx, input }: { ctx: Context; input: z.input<typeof listSessionRegistrantsInput> }) {
  const q = parseInput(listSessionRegistrantsInput, input);
  const { session, group, cohort, organization, role } = await sessionForOrganizer(ctx, q.sessionId, 'registrants.view');
  const [roster, questions, marks] = [await rosterOf(ctx, session, true), await questionsOf(ctx, group.id), await attendanceOf(ctx, session.id)];
  const confirmed: Registrant[] = [];
  const waitlist: (Registrant & { rank: number })[] = [];
  for (const person of roster) {
    const row = {
      id: person.id,
      participantId: person.participantId,
      name: person.name,
      email: person.email,
      answers: labelAnswers(questions, person.answers),
      attendance: marks.get(person.participantId) ?? null,
      held: person.held,
    };
    if (isConfirmed(person)) confirmed.push(row);
    else waitlist.push({ ...row, rank: 0 });
  }
  confirmed.sort((a, b) => a.name.localeCompare(b.name, ctx.locale));
  // The roster comes in ticket order; the rank is the place in line.
  waitlist.forEach((w, i) => (w.rank = i + 1));
  return {
    organization,
    role,
    group: groupSummary(group),
    session: sessionSummary(session, group, cohort),
    cohort: cohort ? { id: cohort.id, startsOn: cohort.startsOn, endsOn: cohort.endsOn, status: cohort.status } : null,
    questions,
    confirmed,
    waitlist,
    counts: {
      confirmed: confirmed.length,
      waitlisted: waitlist.length,
      present: confirmed.filter((c) => c.attendance === 'present').length,
      absent: confirmed.filter((c) => c.attendance === 'absent').length,
      excused: confirmed.filter((c) => c.attendance === 'excused').length,
    },
  };
}

export type SessionRegistrants = Awaited<ReturnType<typeof listSessionRegistrants>>;
