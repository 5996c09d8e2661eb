import { DateTime } from 'luxon';

// Small pure helpers and constants of the group editor, safe to import from page components
// (nothing here touches the database or Node-only modules).

/** `YYYY-MM-DD`. */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** `HH:mm`. */
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isRealDate(value: string): boolean {
  return DATE_RE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** Empty or blank text becomes null (forms send "" for a field left empty). */
export function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** The kinds of intake question. */
export const QUESTION_TYPES = ['text', 'choice', 'yes_no'] as const;
