import type { TFunction } from 'i18next';
import { CoreError } from '../../core/errors';
import { runningError, type FormProblem } from './running.server';

// The check-in page's core actions (server-only, never bundled for the browser) and its errors.
export { addWalkIn, getCheckInState, removeWalkIn } from '../../core/running/record-attendance';

/** A core error of check-in as the page shows it: when check-in opens, walk-ins, then as the other running pages. */
export function checkInError(err: unknown, t: TFunction, prefix = ''): FormProblem {
  if (err instanceof CoreError && err.code === 'conflict' && /check-in opens/.test(err.message)) {
    return { status: 409, message: t('running.errors.checkInNotOpen'), fields: {} };
  }
  if (err instanceof CoreError && err.code === 'conflict' && /walk-ins are for/.test(err.message)) {
    return { status: 409, message: t('running.errors.walkInsDropInOnly'), fields: {} };
  }
  if (err instanceof CoreError && err.code === 'conflict' && (err.message === 'walk_ins_off' || err.message === 'walk_ins_full')) {
    return { status: 409, message: t(err.message === 'walk_ins_off' ? 'running.errors.walkInsOff' : 'running.errors.walkInsFull'), fields: {} };
  }
  if (err instanceof CoreError && err.code === 'not_found' && /walk-in/.test(err.message)) {
    return { status: 404, message: t('running.errors.walkInGone'), fields: {} };
  }
  return runningError(err, t, prefix);
}
