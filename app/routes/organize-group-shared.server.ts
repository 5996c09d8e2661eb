import type { TFunction } from 'i18next';
import { CoreError } from '../../core/errors';
import type { ScheduleFormInput } from '../../core/group-editor';

// Form parsing and error messages shared by the group editor pages (organize-group*.tsx).

export interface PageError {
  status: number;
  message: string;
  fields: Record<string, string>;
}

/** A core error as an editor page shows it: one message per field, or one message. */
export function editorError(err: unknown, t: TFunction): PageError {
  if (!(err instanceof CoreError)) throw err;
  const say = (code: string) => (code.startsWith('editor.') ? t(code as 'editor.errors.generic') : t(`editor.errors.${code}` as 'editor.errors.generic', { defaultValue: t('editor.errors.invalid') }));
  if (err.code === 'invalid') {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) fields[issue.path.replace(/^(changes|form)\./, '')] ??= say(issue.message);
    return { status: 400, message: t('editor.errors.summary'), fields };
  }
  if (err.code === 'forbidden') return { status: 403, message: t('editor.errors.forbidden'), fields: {} };
  if (err.code === 'not_found') return { status: 404, message: t('editor.errors.notFound'), fields: {} };
  if (err.code === 'conflict') {
    const known = ['has_registrations', 'has_applications'].includes(err.message);
    return { status: 409, message: known ? say(err.message) : t('editor.errors.generic'), fields: {} };
  }
  return { status: 400, message: t('editor.errors.generic'), fields: {} };
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
