import { DateTime } from 'luxon';
import * as rruleModule from 'rrule';
import { z } from 'zod';

// rrule ships ES modules and a UMD bundle: Node's loader sees the latter (exports under
// `default`), bundlers and test runners the former (named exports). Accept both.
type RRuleModule = typeof import('rrule');
const RRule = ((rruleModule as RRuleModule).RRule ?? (rruleModule as unknown as { default: RRuleModule }).default.RRule) as RRuleModule['RRule'];

/** A local wall-clock time, `YYYY-MM-DDTHH:mm` (seconds optional, a space may replace the T). */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, 'expected a local date-time such as 2026-03-10T19:00');

export const scheduleInput = z.object({
  rrule: z.string().min(1),
  startsLocal: localDateTime,
  durationMinutes: z.number().int().positive(),
  timeZone: z.string().refine((zone) => DateTime.local().setZone(zone).isValid, 'unknown IANA time zone'),
  untilLocal: localDateTime.nullish(),
  exceptionsLocal: z.array(localDateTime).default([]),
});
export type ScheduleInput = z.input<typeof scheduleInput>;

export interface Occurrence {
  /** The local wall-clock start in the schedule's zone, `YYYY-MM-DDTHH:mm`. */
  local: string;
  startsAt: Date;
  endsAt: Date;
}

// rrule computes in "floating" time: we hand it local wall-clock fields dressed as UTC, and read
// them back the same way. The conversion to real instants happens once, in the group's zone, so
// occurrences keep their wall-clock time across daylight-saving changes.
function floating(local: string): Date {
  const d = DateTime.fromISO(local.replace(' ', 'T'), { zone: 'utc' });
  if (!d.isValid) throw new Error(`invalid local date-time: ${local}`);
  return d.toJSDate();
}

function wallClock(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Checks that a recurrence rule parses; returns a message when it does not. */
export function recurrenceRuleProblem(rule: string): string | null {
  try {
    const options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
    if (options.freq === undefined) return 'the rule has no FREQ';
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The occurrences of a recurring schedule whose start falls in [from, to), as real instants
 * computed in the schedule's IANA time zone (DST-correct), minus the skipped dates.
 */
export function expandSchedule(input: ScheduleInput, window: { from: Date; to: Date }): Occurrence[] {
  const s = scheduleInput.parse(input);
  const problem = recurrenceRuleProblem(s.rrule);
  if (problem) throw new Error(`invalid recurrence rule "${s.rrule}": ${problem}`);
  const options = RRule.parseString(s.rrule.replace(/^RRULE:/i, ''));
  const rule = new RRule({
    ...options,
    dtstart: floating(s.startsLocal),
    until: s.untilLocal ? floating(s.untilLocal) : options.until ?? null,
    tzid: null,
  });
  const skipped = new Set(s.exceptionsLocal.map((x) => wallClock(floating(x))));
  // Widen the floating window by a day on each side: zone offsets never exceed that.
  const day = 24 * 60 * 60 * 1000;
  const candidates = rule.between(new Date(window.from.getTime() - day), new Date(window.to.getTime() + day), true);
  const out: Occurrence[] = [];
  for (const c of candidates) {
    const local = wallClock(c);
    if (skipped.has(local)) continue;
    const start = DateTime.fromISO(local, { zone: s.timeZone });
    const startsAt = start.toJSDate();
    if (startsAt < window.from || startsAt >= window.to) continue;
    out.push({ local, startsAt, endsAt: start.plus({ minutes: s.durationMinutes }).toJSDate() });
  }
  return out;
}

/**
 * The days of the week (0 = Sunday … 6 = Saturday) a schedule meets on when it meets every week,
 * else null (every other week, monthly, or a rule that does not parse).
 */
export function weeklyDays(rule: string, startsLocal: string): number[] | null {
  if (recurrenceRuleProblem(rule)) return null;
  const options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  if (options.freq !== RRule.WEEKLY || (options.interval ?? 1) !== 1) return null;
  const byDay = options.byweekday == null ? [] : Array.isArray(options.byweekday) ? options.byweekday : [options.byweekday];
  // rrule counts Monday as 0; without BYDAY the rule meets on its first occurrence's day.
  const days = byDay.map((d) => ((typeof d === 'number' ? d : (d as { weekday: number }).weekday) + 1) % 7);
  if (days.length === 0) days.push(floating(startsLocal).getUTCDay());
  return [...new Set(days)].sort((a, b) => a - b);
}
