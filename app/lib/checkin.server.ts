import type { TFunction } from 'i18next';
import { reasonOf } from '../../core/errors';
import { runningError, type FormProblem } from './running.server';

// The check-in page's core actions (server-only, never bundled for the browser) and its errors.
export { addWalkIn, getCheckInState, removeWalkIn } from '../../core/running/record-attendance';

/** A core error of check-in as the page shows it: when check-in opens, walk-ins, then as the other running pages. */
/** Check-in's own refusals, by reason, as the page words them. */
const CHECK_IN_REASONS: Record<string, { status: number; key: 'running.errors.checkInNotOpen' | 'running.errors.walkInsDropInOnly' | 'running.errors.walkInsOff' | 'running.errors.walkInsFull' | 'running.errors.walkInGone' }> = {
  check_in_not_open: { status: 409, key: 'running.errors.checkInNotOpen' },
  walk_ins_drop_in_only: { status: 409, key: 'running.errors.walkInsDropInOnly' },
  walk_ins_off: { status: 409, key: 'running.errors.walkInsOff' },
  walk_ins_full: { status: 409, key: 'running.errors.walkInsFull' },
  walk_in_gone: { status: 404, key: 'running.errors.walkInGone' },
};

export function checkInError(err: unknown, t: TFunction, prefix = ''): FormProblem {
  const known = CHECK_IN_REASONS[reasonOf(err) ?? ''];
  if (known) return { status: known.status, message: t(known.key), fields: {} };
  return runningError(err, t, prefix);
}
