import { data } from 'react-router';
import type { TFunction } from 'i18next';
import { CoreError } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { formProblem, type FormProblem } from '../lib/problem.server';
import type { ScheduleFormInput } from '../../core/group-editor';
import { field, listField, numberField } from '../lib/form-values';

// Form parsing and error messages shared by the group editor pages (organize-group*.tsx).

export type { FormProblem as PageError } from '../lib/problem.server';

/** The editor's page for a group that is not this organization's (404), or that the role may not edit (403); anything else is rethrown. */
export function editorRefusal(err: unknown, locale: Locale): never {
  if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) throw data(getT(locale)('editor.errors.notFound'), { status: 404 });
  if (err instanceof CoreError && err.code === 'forbidden') throw data(getT(locale)('editor.errors.forbidden'), { status: 403 });
  throw err;
}

/** A core error as an editor page shows it: one message per field (named as in the form), or one message. */
export function editorError(err: unknown, t: TFunction): FormProblem {
  return formProblem(err, t, 'editor', { field: (path) => path.replace(/^(changes|form)\./, '') });
}

/** The schedule fields of a form (names prefixed by `prefix`). */
export function scheduleFromForm(form: FormData): ScheduleFormInput {
  const monthWeek = numberField(form, 'monthWeek');
  const monthDay = field(form, 'monthDay');
  return {
    frequency: field(form, 'frequency') as 'weekly',
    interval: numberField(form, 'interval') ?? 1,
    days: form.getAll('days').map(String) as ScheduleFormInput['days'],
    monthWeek: monthWeek as ScheduleFormInput['monthWeek'],
    monthDay: (monthDay || null) as ScheduleFormInput['monthDay'],
    startTime: field(form, 'startTime'),
    durationMinutes: numberField(form, 'durationMinutes') ?? Number.NaN,
    startDate: field(form, 'startDate'),
    endDate: field(form, 'endDate').trim() || null,
    exceptions: listField(form, 'exceptions'),
  };
}
