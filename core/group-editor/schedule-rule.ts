import { DateTime } from 'luxon';
import { z } from 'zod';
import { expandSchedule, recurrenceRuleProblem, type Occurrence } from '../schedules/expand-schedule';
import { Invalid } from '../errors';
import { parseInput } from '../context';
import { isRealDate, isTimeZone, TIME_RE } from './values';

// A recurring schedule as an organizer describes it (weekly on some days, every N weeks, or a
// weekday of the month), turned into an RFC 5545 rule and back. Pure functions.

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Which weekday of the month: first to fourth, or the last one (-1). */
export const MONTH_WEEKS = [1, 2, 3, 4, -1] as const;

const date = z.string().trim().refine(isRealDate, { error: 'invalid_date' });

export const scheduleForm = z
  .object({
    frequency: z.enum(['weekly', 'monthly'], { error: 'required' }),
    /** Weekly: every N weeks (1 = every week). */
    interval: z.number({ error: 'not_a_number' }).int({ error: 'not_a_number' }).min(1, { error: 'too_small' }).max(8, { error: 'too_large' }).default(1),
    /** Weekly: the days. */
    days: z.array(z.enum(WEEKDAYS, { error: 'invalid' })).default([]),
    /** Monthly: first…fourth or last (-1). */
    monthWeek: z.union(MONTH_WEEKS.map((n) => z.literal(n)), { error: 'required' }).nullable().default(null),
    /** Monthly: which weekday. */
    monthDay: z.enum(WEEKDAYS, { error: 'required' }).nullable().default(null),
    startTime: z.string().trim().regex(TIME_RE, { error: 'invalid_time' }),
    durationMinutes: z.number({ error: 'not_a_number' }).int({ error: 'not_a_number' }).min(10, { error: 'too_small' }).max(720, { error: 'too_large' }),
    startDate: date,
    endDate: date.nullable().default(null),
    /** Local dates on which no session is held. */
    exceptions: z.array(date).max(200, { error: 'too_long' }).default([]),
    /** Closed groups: the one cohort this schedule makes sessions for (null: every cohort). */
    cohortId: z.uuid({ error: 'invalid' }).nullable().default(null),
  })
  .superRefine((f, ctx) => {
    if (f.frequency === 'weekly' && f.days.length === 0) ctx.addIssue({ code: 'custom', path: ['days'], message: 'required' });
    if (f.frequency === 'monthly') {
      if (f.monthWeek == null) ctx.addIssue({ code: 'custom', path: ['monthWeek'], message: 'required' });
      if (f.monthDay == null) ctx.addIssue({ code: 'custom', path: ['monthDay'], message: 'required' });
    }
    if (f.endDate && f.endDate < f.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  });
export type ScheduleForm = z.output<typeof scheduleForm>;
export type ScheduleFormInput = z.input<typeof scheduleForm>;

export interface StoredRule {
  rrule: string;
  /** `YYYY-MM-DD HH:mm:00`, local to the group. */
  startsLocal: string;
  durationMinutes: number;
  untilLocal: string | null;
  exceptionsLocal: string[];
}

/** The RRULE and local times of a schedule form. Throws Invalid when the rule does not parse. */
export function ruleFromForm(form: ScheduleForm): StoredRule {
  const days = [...new Set(form.days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const rrule =
    form.frequency === 'weekly'
      ? `FREQ=WEEKLY;${form.interval > 1 ? `INTERVAL=${form.interval};` : ''}BYDAY=${days.join(',')}`
      : `FREQ=MONTHLY;BYDAY=${form.monthWeek}${form.monthDay}`;
  const problem = recurrenceRuleProblem(rrule);
  if (problem) throw new Invalid([{ path: 'frequency', message: 'invalid_rule' }]);
  return {
    rrule,
    startsLocal: `${form.startDate} ${form.startTime}:00`,
    durationMinutes: form.durationMinutes,
    untilLocal: form.endDate ? `${form.endDate} 23:59:00` : null,
    exceptionsLocal: [...new Set(form.exceptions)].sort().map((d) => `${d} ${form.startTime}:00`),
  };
}

/** The parts of an RFC 5545 rule (`FREQ=WEEKLY;BYDAY=TU,TH`), by their upper-case names. */
export function ruleParts(rule: string): Map<string, string> {
  return new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string])
      .filter(([k, v]) => k && v)
      .map(([k, v]) => [k.toUpperCase(), v]),
  );
}

/**
 * The form that describes a stored schedule (for editing it), with the cohort it belongs to when
 * given; null when the rule is not one the form writes.
 */
export function formFromRule(s: StoredRule & { cohortId?: string | null }): ScheduleForm | null {
  const parts = ruleParts(s.rrule);
  const startDate = s.startsLocal.slice(0, 10);
  const startTime = s.startsLocal.slice(11, 16);
  const base = {
    startTime,
    durationMinutes: s.durationMinutes,
    startDate,
    endDate: s.untilLocal ? s.untilLocal.slice(0, 10) : null,
    exceptions: s.exceptionsLocal.map((x) => x.slice(0, 10)),
    cohortId: s.cohortId ?? null,
  };
  const byday = parts.get('BYDAY') ?? '';
  if (parts.get('FREQ') === 'WEEKLY') {
    const days = byday.split(',').filter((d): d is (typeof WEEKDAYS)[number] => (WEEKDAYS as readonly string[]).includes(d));
    return { ...base, frequency: 'weekly', interval: Number(parts.get('INTERVAL') ?? 1), days, monthWeek: null, monthDay: null };
  }
  const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday);
  if (parts.get('FREQ') === 'MONTHLY' && m) {
    return {
      ...base,
      frequency: 'monthly',
      interval: 1,
      days: [],
      monthWeek: Number(m[1]) as (typeof MONTH_WEEKS)[number],
      monthDay: m[2] as Weekday,
    };
  }
  return null;
}

export const previewScheduleInput = z.object({
  form: scheduleForm,
  timeZone: z.string().refine(isTimeZone, { error: 'unknown_zone' }),
  count: z.number().int().min(1).max(50).default(8),
});
export type PreviewScheduleInput = z.input<typeof previewScheduleInput>;

/**
 * The next dates a schedule form gives, from `now` (or its start date when later), computed in
 * the group's time zone: the live preview of the schedule editor. Pure.
 */
export function previewSchedule(input: PreviewScheduleInput, now: Date): Occurrence[] {
  const q = parseInput(previewScheduleInput, input);
  const rule = ruleFromForm(q.form);
  const start = DateTime.fromSQL(rule.startsLocal, { zone: q.timeZone }).toJSDate();
  const from = start > now ? start : now;
  // Two years is enough for eight occurrences of any rule the form can write.
  const to = DateTime.fromJSDate(from).plus({ years: 2 }).toJSDate();
  return expandSchedule(
    {
      rrule: rule.rrule,
      startsLocal: rule.startsLocal,
      durationMinutes: rule.durationMinutes,
      timeZone: q.timeZone,
      untilLocal: rule.untilLocal,
      exceptionsLocal: rule.exceptionsLocal,
    },
    { from, to },
  ).slice(0, q.count);
}
