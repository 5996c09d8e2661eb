import type { TFunction } from 'i18next';
import { formProblem, type FormProblem } from '../lib/problem.server';
import type { ScheduleFormInput } from '../../core/group-editor';

// Form parsing and error messages shared by the group editor pages (organize-group*.tsx).

export type { FormProblem as PageError } from '../lib/problem.server';

/** A core error as an editor page shows it: one message per field (named as in the form), or one message. */
export function editorError(err: unknown, t: TFunction): FormProblem {
  return formProblem(err, t, 'editor', { field: (path) => path.replace(/^(changes|form)\./, '') });
}

export const str = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};
/** Empty → null; anything else → a number (NaN for non-numbers, which the core refuses). */
export const num = (form: FormData, name: string): number | null => {
  const v = str(form, name).trim();
  return v === '' ? null : Number(v.replace(',', '.'));
};
export const bool = (form: FormData, name: string): boolean => form.get(name) === 'on' || form.get(name) === 'true';
export const lines = (form: FormData, name: string): string[] =>
  str(form, name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
/** Dollars typed by a person ("12.50") as cents. */
export const cents = (form: FormData, name: string): number | null => {
  const n = num(form, name);
  return n == null ? null : Number.isFinite(n) ? Math.round(n * 100) : n;
};

/** The schedule fields of a form (names prefixed by `prefix`). */
export function scheduleFromForm(form: FormData): ScheduleFormInput {
  const monthWeek = num(form, 'monthWeek');
  const monthDay = str(form, 'monthDay');
  return {
    frequency: str(form, 'frequency') as 'weekly',
    interval: num(form, 'interval') ?? 1,
    days: form.getAll('days').map(String) as ScheduleFormInput['days'],
    monthWeek: monthWeek as ScheduleFormInput['monthWeek'],
    monthDay: (monthDay || null) as ScheduleFormInput['monthDay'],
    startTime: str(form, 'startTime'),
    durationMinutes: num(form, 'durationMinutes') ?? Number.NaN,
    startDate: str(form, 'startDate'),
    endDate: str(form, 'endDate').trim() || null,
    exceptions: lines(form, 'exceptions'),
  };
}
