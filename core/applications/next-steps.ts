// What happens after an application, and by when: what the confirmation page tells the applicant.
// Pure: the facts come from the application, its cohort and its group; the page words each step.

export type ApplicationStatus = 'applied' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn';

export interface NextStepFacts {
  status: ApplicationStatus;
  /** Place in line of a waitlisted application (1 = next). */
  position: number | null;
  /** The number the applicant gave when the group's facilitator calls applicants. */
  phone: string | null;
  waitlistPromotion: 'automatic' | 'manual';
  minimumParticipants: number | null;
  /** When the minimum is checked (the cohort is then confirmed or postponed). */
  decisionAt: Date | null;
  /** The start of the first planned session, if any. */
  firstSessionAt: Date | null;
  /** When enrollment closes (the first session, or later with late joining). */
  closesAt: Date;
  /** Whether the group meets online (the acceptance then carries the link to join). */
  online: boolean;
  now: Date;
}

export type NextStep =
  /** The organizers review the application and answer by email, at the latest by `by`. */
  | { kind: 'review'; by: Date }
  /** The facilitator calls the applicant at the number given, before `by`. */
  | { kind: 'call'; phone: string; by: Date }
  /** A place is held: the acceptance email has the sessions, a calendar file and where to go or the link. */
  | { kind: 'accepted'; online: boolean }
  /** On the waitlist: a freed place goes to the first in line (or organizers choose), until enrollment closes. */
  | { kind: 'waitlist'; position: number; automatic: boolean; until: Date }
  /** The group runs if `minimum` people are accepted by `at`; everyone hears either way that day. */
  | { kind: 'minimum'; minimum: number; at: Date }
  /** What the email on its way contains. */
  | { kind: 'email'; about: 'received' | 'accepted' | 'waitlisted' };

/** The earliest of the given moments still ahead, else the last resort. */
function earliestAhead(now: Date, candidates: (Date | null)[], fallback: Date): Date {
  const ahead = candidates.filter((d): d is Date => d != null && d > now).sort((a, b) => a.getTime() - b.getTime());
  return ahead[0] ?? fallback;
}

/**
 * The steps after an application, in the order they happen. The organizers' answer is due before
 * the minimum is checked (only accepted people count) and before the group starts.
 */
export function nextSteps(f: NextStepFacts): NextStep[] {
  const decideBy = earliestAhead(f.now, [f.decisionAt, f.firstSessionAt], f.closesAt);
  const startsBy = earliestAhead(f.now, [f.firstSessionAt], f.closesAt);
  const minimumAhead = f.minimumParticipants != null && f.decisionAt != null && f.decisionAt > f.now;
  const steps: NextStep[] = [];
  if (f.status === 'applied') {
    if (f.phone) steps.push({ kind: 'call', phone: f.phone, by: decideBy });
    steps.push({ kind: 'review', by: decideBy });
    steps.push({ kind: 'email', about: 'received' });
  } else if (f.status === 'accepted') {
    steps.push({ kind: 'accepted', online: f.online });
    if (f.phone) steps.push({ kind: 'call', phone: f.phone, by: startsBy });
    steps.push({ kind: 'email', about: 'accepted' });
  } else if (f.status === 'waitlisted') {
    steps.push({ kind: 'waitlist', position: f.position ?? 1, automatic: f.waitlistPromotion === 'automatic', until: f.closesAt });
    steps.push({ kind: 'email', about: 'waitlisted' });
  } else {
    return [];
  }
  if (minimumAhead) steps.push({ kind: 'minimum', minimum: f.minimumParticipants!, at: f.decisionAt! });
  return steps;
}
