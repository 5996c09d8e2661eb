import '../../i18n/areas/running';
import { Form, useFetcher } from 'react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ATTENDANCE_STATUSES } from '../../core/running/record-attendance';
import type { action } from '../routes/organize-checkin';
import { CsrfField } from './csrf-field';

// The door's check-in list: one row per person with their mark, and the walk-ins added at the door.

/** A person's mark at the door. */
export type Mark = (typeof ATTENDANCE_STATUSES)[number];

export function PersonRow({ person, csrf }: { person: { participantId: string; name: string; attendance: Mark | null }; csrf: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  // While a tap is being saved, show what it will be; then what the server says.
  const pending = fetcher.formData ? (String(fetcher.formData.get('status')) as Mark) : null;
  const result = fetcher.data;
  const current = pending ?? (result?.ok ? result.status : person.attendance);
  const button = (status: Mark, label: string) => (
    <fetcher.Form method="post" className="checkin-choice">
      <CsrfField token={csrf} />
      <input type="hidden" name="participantId" value={person.participantId} />
      <input type="hidden" name="status" value={status} />
      <button
        type="submit"
        // Big tap targets (app.css: at least 44 px tall), three to a row even at 360 px wide.
        className={`checkin-button checkin-${status}`}
        aria-pressed={current === status}
        aria-label={t('running.checkIn.markFor', { status: label, name: person.name })}
      >
        {label}
      </button>
    </fetcher.Form>
  );
  return (
    <li id={`p-${person.participantId}`} className="checkin-row">
      <p className="checkin-name">
        <strong>{person.name}</strong>
        <br />
        <span className="muted" aria-live="polite">
          {t('running.checkIn.now', { status: t(`running.attendance.${current ?? 'none'}`) })}
        </span>
      </p>
      {result && !result.ok && (
        <p className="field-error" role="alert">
          {result.message}
        </p>
      )}
      <div className="checkin-buttons">
        {button('present', t('running.checkIn.markPresent'))}
        {button('absent', t('running.checkIn.markAbsent'))}
        {button('excused', t('running.checkIn.markExcused'))}
      </div>
    </li>
  );
}

/** People who came without signing up: the list, each with a way to take it back, and the form to add one. */
export function WalkIns({
  walkIns,
  csrf,
  nameError,
  name,
  addedId,
  refused,
}: {
  walkIns: { id: string; name: string }[];
  /** Why no one more can be added (the group's rule), or null. */
  refused: 'walk_ins_off' | 'walk_ins_full' | null;
  csrf: string;
  nameError?: string;
  name?: string;
  addedId: string | null;
}) {
  const { t } = useTranslation();
  const nameField = useRef<HTMLInputElement>(null);
  // Someone was just added (the page stays mounted when scripts run): empty the field and keep
  // the focus in it, ready for the next person at the door.
  useEffect(() => {
    if (!addedId || !nameField.current) return;
    nameField.current.value = '';
    nameField.current.focus();
  }, [addedId]);
  return (
    <section id="walk-ins" aria-labelledby="walk-ins-title">
      <h2 id="walk-ins-title">{t('running.checkIn.walkInsTitle')}</h2>
      <p className="muted" id="walk-ins-lead">
        {t('running.checkIn.walkInsLead')}
      </p>
      {walkIns.length === 0 ? (
        <p>{t('running.checkIn.noWalkIns')}</p>
      ) : (
        <ul className="checkin-list" aria-labelledby="walk-ins-title">
          {walkIns.map((w) => (
            <li key={w.id} className="checkin-row">
              <p className="checkin-name">
                <strong>{w.name}</strong>
                <br />
                <span className="muted">{t('running.checkIn.walkInPresent')}</span>
              </p>
              <Form method="post">
                <CsrfField token={csrf} />
                <input type="hidden" name="intent" value="remove-walk-in" />
                <input type="hidden" name="walkInId" value={w.id} />
                <button type="submit" className="checkin-button" aria-label={t('running.checkIn.removeWalkInFor', { name: w.name })}>
                  {t('running.checkIn.removeWalkIn')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {refused ? (
        <p className="notice" role="status">
          {t(refused === 'walk_ins_off' ? 'errors.reason.walk_ins_off' : 'errors.reason.walk_ins_full')}
        </p>
      ) : (
        <Form method="post" noValidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="intent" value="walk-in" />
          <p className="field">
            <label htmlFor="f-walkInName">{t('running.checkIn.walkInName')}</label>
            <input
              ref={nameField}
              id="f-walkInName"
              name="walkInName"
              type="text"
              autoComplete="off"
              maxLength={80}
              defaultValue={name}
              required
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'walk-ins-lead f-walkInName-error' : 'walk-ins-lead'}
            />
            {nameError && (
              <span className="field-error" id="f-walkInName-error">
                {nameError}
              </span>
            )}
          </p>
          <button type="submit" className="checkin-button">
            {t('running.checkIn.addWalkIn')}
          </button>
        </Form>
      )}
    </section>
  );
}
