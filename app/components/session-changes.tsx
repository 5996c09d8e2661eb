import '../../i18n/areas/running';
import { Form } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/organize-session';
import { CsrfField } from './csrf-field';
import { TextField } from './form-kit';

// The changes an organizer can make to a session: postpone it, move it online, cancel it, and for
// a cancelled session of a cohort, schedule a make-up session.

type SessionPage = Route.ComponentProps['loaderData'];

export function SessionChanges({ d, actionData }: { d: SessionPage; actionData: Route.ComponentProps['actionData'] }) {
  const { t } = useTranslation();
  const errorsOf = (intent: string) => (actionData?.intent === intent ? actionData.fields : {});
  const valuesOf = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const closed = d.status === 'cancelled' || d.over;
  const reasonForm = (intent: 'cancel' | 'online', label: string, button: string) => (
    <Form method="post" noValidate>
      <CsrfField token={d.csrf} />
      <input type="hidden" name="intent" value={intent} />
      <TextField name={`${intent}-reason`} label={label} multiline maxLength={2000} value={valuesOf(intent)?.reason} error={errorsOf(intent)[`${intent}-reason`]} />
      <button type="submit" className={intent === 'cancel' ? 'danger' : undefined}>
        {button}
      </button>
    </Form>
  );
  return (
    <>
      {d.canRun && !closed && (
        <section aria-labelledby="change-title">
          <h2 id="change-title">{t('running.session.changeTitle')}</h2>
          <p className="muted">{t('running.session.changeLead')}</p>
          <h3>{t('running.session.postponeTitle')}</h3>
          <Form method="post" noValidate>
            <CsrfField token={d.csrf} />
            <input type="hidden" name="intent" value="postpone" />
            <p className="muted">{t('running.session.timesIn', { zone: d.zone })}</p>
            <TextField required name="postpone-date" type="date" label={t('running.session.newDate')} value={valuesOf('postpone')?.date ?? d.suggest.date} error={errorsOf('postpone')['postpone-date']} />
            <TextField required name="postpone-start" type="time" label={t('running.session.newStart')} value={valuesOf('postpone')?.start ?? d.suggest.start} error={errorsOf('postpone')['postpone-start']} />
            <TextField required name="postpone-end" type="time" label={t('running.session.newEnd')} value={valuesOf('postpone')?.end ?? d.suggest.end} error={errorsOf('postpone')['postpone-end']} />
            <TextField name="postpone-reason" label={t('running.session.postponeReason')} multiline maxLength={2000} value={valuesOf('postpone')?.reason} error={errorsOf('postpone')['postpone-reason']} />
            <button type="submit">{t('running.session.postpone')}</button>
          </Form>
          <h3>{t('running.session.onlineTitle')}</h3>
          {d.status === 'moved_online' ? null : d.hasOnlineLink ? reasonForm('online', t('running.session.onlineReason'), t('running.session.online')) : <p>{t('running.session.onlineNeedsLink')}</p>}
          <h3>{t('running.session.cancelTitle')}</h3>
          {reasonForm('cancel', t('running.session.cancelReason'), t('running.session.cancel'))}
        </section>
      )}

      {d.canRun && d.status === 'cancelled' && d.cohort && (
        <section aria-labelledby="makeup-title">
          <h2 id="makeup-title">{t('running.session.makeUpTitle')}</h2>
          <p className="muted">{t('running.session.makeUpLead')}</p>
          <Form method="post" noValidate>
            <CsrfField token={d.csrf} />
            <input type="hidden" name="intent" value="makeup" />
            <p className="muted">{t('running.session.timesIn', { zone: d.zone })}</p>
            <TextField required name="makeup-date" type="date" label={t('running.session.makeUpDate')} value={valuesOf('makeup')?.date ?? d.suggest.date} error={errorsOf('makeup')['makeup-date']} />
            <TextField required name="makeup-start" type="time" label={t('running.session.makeUpStart')} value={valuesOf('makeup')?.start ?? d.suggest.start} error={errorsOf('makeup')['makeup-start']} />
            <TextField required name="makeup-end" type="time" label={t('running.session.makeUpEnd')} value={valuesOf('makeup')?.end ?? d.suggest.end} error={errorsOf('makeup')['makeup-end']} />
            <button type="submit">{t('running.session.makeUp')}</button>
          </Form>
        </section>
      )}
    </>
  );
}
