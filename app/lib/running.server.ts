import { data } from 'react-router';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { formProblem, type FormProblem } from './problem.server';
import { can, PERMISSIONS, type Permission } from '../../core/policy/permissions';
import type { MemberRole } from '../../db/schema/enums';
import { getT, type Locale } from '../../i18n';
import type { Context } from '../../core/context';
import { listSessionRegistrants } from '../../core/running';

// Shared by the pages that run sessions and cohorts (organize-session, -checkin, -cohort): core
// errors as messages next to the right fields, and times typed in a group's own time zone.

export type { FormProblem } from './problem.server';

/** A 404 that says the same to a stranger and to a mistyped address. */
export function notFound(locale: Locale): never {
  throw data(getT(locale)('running.errors.notFound'), { status: 404 });
}

/** A core error as the running pages show it; unknown errors go on (500). `prefix` names the form's fields. */
export function runningError(err: unknown, t: TFunction, prefix = ''): FormProblem {
  return formProblem(err, t, 'running', { prefix });
}

/** The instant of a date (YYYY-MM-DD) and time (HH:MM) read in a time zone; null when either is not valid. */
export function zonedInstant(date: string, time: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  return dt.isValid ? dt.toJSDate() : null;
}

/** A date and time of an instant in a zone, as the date and time inputs want them. */
export function zonedParts(at: Date, timeZone: string): { date: string; time: string } {
  const dt = DateTime.fromJSDate(at, { zone: timeZone });
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') };
}

/** Every permission a role holds (the table of core/policy/permissions.ts), for the organization's navigation. */
export function permissionsOf(role: MemberRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

// The core actions of these pages, reached through this server-only module so that none of their
// code (node:crypto, the database) is ever bundled for the browser.
/**
 * The registrants of a session of the organization in the URL, for its organizer pages: a session
 * of another organization, or one the user may not see, is a 404 in the page's language.
 */
export async function sessionRegistrantsFor(
  ctx: Context,
  organizationSlug: string,
  sessionId: string,
  locale: Locale,
): Promise<Awaited<ReturnType<typeof listSessionRegistrants>>> {
  const view = await listSessionRegistrants({ ctx, input: { sessionId } }).catch((err: unknown) => {
    const e = runningError(err, getT(locale));
    if (e.status === 404) notFound(locale);
    throw data(e.message, { status: e.status });
  });
  if (view.organization.slug !== organizationSlug) notFound(locale);
  return view;
}

export * from '../../core/running';
export { getDashboard } from '../../core/dashboard';
export { listAuditLog } from '../../core/audit';
