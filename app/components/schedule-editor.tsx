import '../../i18n/areas/editor';
import { useRef } from 'react';
import { Form, Link, useFetcher } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/organize-group-schedule';
import { WEEKDAYS, MONTH_WEEKS, type ScheduleForm } from '../../core/group-editor/schedule-rule';
import { CsrfField } from './csrf-field';
import { Checks, Choice, ErrorSummary, TextField } from './form-kit';

// The group editor's schedule page: the form of one schedule, and the sessions to come by month.

export type ActionData = { intent: string; scheduleId: string | null; preview: string[] | null; fields: Record<string, string>; message: string } | undefined;

const EMPTY_FORM: ScheduleForm = {
  frequency: 'weekly',
  interval: 1,
  days: [],
  monthWeek: null,
  monthDay: null,
  startTime: '19:00',
  durationMinutes: 90,
  startDate: '',
  endDate: null,
  exceptions: [],
  cohortId: null,
};

/**
 * One schedule's form, with its preview: live with JavaScript (polite announcement), on "Preview"
 * without. The rhythm is chosen first; only its own fields show (by CSS on the chosen option, so
 * without JavaScript too).
 */
export function ScheduleEditor({
  id,
  form,
  csrf,
  posted,
  cohorts,
}: {
  id: string | null;
  form: ScheduleForm | null;
  csrf: string;
  posted: ActionData;
  cohorts: { id: string; label: string }[] | null;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionData>();
  const ref = useRef<HTMLFormElement>(null);
  const mine = posted && (posted.scheduleId ?? null) === id ? posted : undefined;
  const preview = fetcher.data?.preview ?? mine?.preview ?? null;
  const errors = mine?.fields ?? {};
  const key = id ?? 'new';
  const px = `${key}-`;
  const f: ScheduleForm = form ?? EMPTY_FORM;
  const onChange = () => {
    if (!ref.current) return;
    const data = new FormData(ref.current);
    data.set('intent', 'preview');
    void fetcher.submit(data, { method: 'post' });
  };
  return (
    <Form method="post" ref={ref} onChange={onChange} noValidate className="card schedule-form" aria-labelledby={`sched-${key}`}>
      <h3 id={`sched-${key}`}>{id ? t('editor.schedule.editOne') : t('editor.schedule.add')}</h3>
      {mine && mine.message && mine.intent !== 'preview' && <ErrorSummary message={mine.message} fields={errors} prefix={px} />}
      <CsrfField token={csrf} />
      {id && <input type="hidden" name="scheduleId" value={id} />}
      <Choice
        prefix={px}
        name="frequency"
        label={t('editor.schedule.frequency')}
        hint={t('editor.schedule.frequencyHint')}
        value={f.frequency}
        error={errors.frequency}
        options={[
          ['weekly', t('editor.schedule.weekly')],
          ['monthly', t('editor.schedule.monthly')],
        ]}
      />
      <div className="rhythm-fields rhythm-weekly">
        <TextField prefix={px} name="interval" label={t('editor.schedule.interval')} type="number" min={1} max={8} value={f.interval} error={errors.interval} />
        <Checks prefix={px} name="days" legend={t('editor.schedule.days')} selected={f.days} options={WEEKDAYS.map((d) => [d, t(`editor.weekday.${d}`)])} error={errors.days} />
      </div>
      <div className="rhythm-fields rhythm-monthly">
        <Choice prefix={px} name="monthWeek" label={t('editor.schedule.monthWeek')} value={f.monthWeek == null ? '' : String(f.monthWeek)} error={errors.monthWeek} empty="—" options={MONTH_WEEKS.map((w) => [String(w), t(`editor.schedule.week.${w}`)])} />
        <Choice prefix={px} name="monthDay" label={t('editor.schedule.monthDay')} value={f.monthDay ?? ''} error={errors.monthDay} empty="—" options={WEEKDAYS.map((d) => [d, t(`editor.weekday.${d}`)])} />
      </div>
      <TextField prefix={px} name="startTime" label={t('editor.schedule.startTime')} type="time" value={f.startTime} error={errors.startTime} />
      <TextField prefix={px} name="durationMinutes" label={t('editor.schedule.duration')} type="number" min={10} max={720} value={f.durationMinutes} error={errors.durationMinutes} />
      <TextField prefix={px} name="startDate" label={t('editor.schedule.startDate')} type="date" value={f.startDate} error={errors.startDate} />
      <TextField prefix={px} name="endDate" label={t('editor.schedule.endDate')} type="date" value={f.endDate} error={errors.endDate} />
      {cohorts && cohorts.length > 0 && (
        <Choice
          prefix={px}
          name="cohortId"
          label={t('editor.schedule.cohort')}
          hint={t('editor.schedule.cohortHint')}
          value={f.cohortId}
          error={errors.cohortId}
          empty={t('editor.schedule.cohortAll')}
          options={cohorts.map((c) => [c.id, c.label])}
        />
      )}
      <TextField multiline rows={3} prefix={px} name="exceptions" label={t('editor.schedule.exceptions')} hint={t('editor.schedule.exceptionsHint')} value={f.exceptions.join('\n')} error={errors.exceptions} />
      <div aria-live="polite" className="schedule-preview">
        {preview && (
          <>
            <h4>{t('editor.schedule.previewTitle')}</h4>
            {preview.length === 0 ? (
              <p>{t('editor.schedule.previewNone')}</p>
            ) : (
              <ol>
                {preview.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ol>
            )}
          </>
        )}
      </div>
      <p>
        <button type="submit" name="intent" value="preview" className="secondary">
          {t('editor.schedule.preview')}
        </button>{' '}
        <button type="submit" name="intent" value="save">
          {t('editor.schedule.save')}
        </button>{' '}
        {id && (
          <button type="submit" name="intent" value="delete" className="secondary">
            {t('editor.schedule.delete')}
          </button>
        )}
      </p>
    </Form>
  );
}

type SessionRow = Route.ComponentProps['loaderData']['sessions'][number];

/** The upcoming sessions under a heading per month, each linked to its page. */
function byMonth(sessions: SessionRow[]): { month: string; sessions: SessionRow[] }[] {
  const out: { month: string; sessions: SessionRow[] }[] = [];
  for (const s of sessions) {
    const last = out[out.length - 1];
    if (last && last.month === s.month) last.sessions.push(s);
    else out.push({ month: s.month, sessions: [s] });
  }
  return out;
}

/** The sessions to come, under a heading per month; one without registrations can be removed. */
export function SessionsByMonth({ sessions, csrf }: { sessions: SessionRow[]; csrf: string }) {
  const { t } = useTranslation();
  return (
    <>
      {byMonth(sessions).map((m) => (
        <section key={m.month} aria-label={m.month} className="session-month">
          <h3>{m.month}</h3>
          <ul className="session-list">
            {m.sessions.map((s) => (
              <li key={s.id}>
                <Link to={s.href}>
                  <time dateTime={s.iso}>{s.when}</time>
                </Link>
                {s.cohort && <> · {s.cohort}</>}
                {s.module && <> · {s.module}</>}
                {s.oneOff && <> · {t('editor.schedule.oneOff')}</>}
                {s.status !== 'scheduled' && <> · {t(`sessionStatus.${s.status}` as 'sessionStatus.cancelled')}</>}
                {s.registrations > 0 && <> · {t('editor.schedule.registered', { count: s.registrations })}</>}
                {s.registrations === 0 && (
                  <Form method="post" className="inline-form">
                    <CsrfField token={csrf} />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <button type="submit" name="intent" value="remove" className="secondary">
                      {t('editor.schedule.remove')}
                      <span className="visually-hidden"> · {s.when}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
