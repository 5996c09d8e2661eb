/**
 * Why a drop-in session does not take sign-ups right now:
 * - `not_drop_in`: the group takes applications (cohorts) or has no sessions to sign up for;
 * - `cancelled`: the session will not take place;
 * - `started`: it has begun (or is over);
 * - `cutoff_passed`: it has not begun, but the group's sign-up cutoff before each session is past.
 * A postponed session still takes place (at its new time), so it takes sign-ups like any other.
 */
export type SignupClosedReason = 'not_drop_in' | 'cancelled' | 'started' | 'cutoff_passed';

export interface SignupWindow {
  open: boolean;
  /** Null while sign-up is open. */
  closedReason: SignupClosedReason | null;
  /** When online sign-up closes (or closed) for this session. */
  closesAt: Date;
}

/** The one rule, used by the group page, the sign-up form and the sign-up itself. */
export function signupWindow(
  group: { format: string; signupCutoffMinutes: number },
  session: { status: string; startsAt: Date },
  now: Date,
): SignupWindow {
  const closesAt = new Date(session.startsAt.getTime() - group.signupCutoffMinutes * 60_000);
  const closedReason: SignupClosedReason | null =
    group.format !== 'drop_in'
      ? 'not_drop_in'
      : session.status === 'cancelled'
        ? 'cancelled'
        : now.getTime() >= session.startsAt.getTime()
          ? 'started'
          : now.getTime() >= closesAt.getTime()
            ? 'cutoff_passed'
            : null;
  return { open: closedReason === null, closedReason, closesAt };
}
