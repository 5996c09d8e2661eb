import '../../i18n/areas/listing';
import '../../i18n/areas/manage';
import '../../i18n/areas/signup';
import { Form, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/manage';
import { pick } from '../../core/text';
import type { Locale } from '../../i18n';
import { pathTo } from '../lib/paths';
import { sessionCalendarPath } from '../lib/listing-paths';
import { Localized } from './localized';

// Parts of a participant's manage page: their sessions, their applications, the other sessions of
// a group they left, and the step that asks before cancelling.

type ManageData = Exclude<Route.ComponentProps['loaderData'], { deleted: true }>;

/** Asks before cancelling a place or leaving a waitlist (a page of its own: it works without script). */
export function ConfirmStep({
  confirming,
  when,
  manageHref,
  locale,
}: {
  confirming: NonNullable<ManageData['confirming']>;
  when: string;
  manageHref: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const leaving = confirming.status === 'waitlisted';
  return (
    <section aria-labelledby="confirm-title" className="card confirm-step">
      <h2 id="confirm-title" tabIndex={-1}>
        {leaving ? t('manage.confirmLeaveTitle') : t('manage.confirmCancelTitle')}
      </h2>
      <p>
        <strong>
          <Localized text={confirming.group.title} locale={locale} />
        </strong>
        <br />
        <time dateTime={new Date(confirming.session.startsAt).toISOString()}>{when}</time>
      </p>
      <p>{leaving ? t('manage.confirmLeaveLead') : t('manage.confirmCancelLead')}</p>
      <Form method="post" action={manageHref} className="confirm-actions">
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="registrationId" value={confirming.id} />
        <button type="submit" className="danger">
          {leaving ? t('manage.confirmLeaveButton') : t('manage.confirmCancelButton')}
        </button>
        <Link className="button-secondary" to={manageHref}>
          {leaving ? t('manage.keepWaiting') : t('manage.keepPlace')}
        </Link>
      </Form>
    </section>
  );
}

/** The other sessions of the group whose place was just given up, to choose another. */
export function OtherSessions({ others, locale }: { others: NonNullable<ManageData['others']>; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="others-title" className="card other-sessions">
      <h2 id="others-title">
        {t('manage.otherSessionsTitle', { group: pick(others.groupTitle, locale)?.text ?? '' })}
      </h2>
      {others.sessions.length === 0 ? (
        <p>{t('manage.otherSessionsNone')}</p>
      ) : (
        <ul className="sessions">
          {others.sessions.map((s) => (
            <li key={s.id} className="session">
              <time dateTime={s.startsAt}>{s.when}</time>
              {s.postponed && <strong className="status"> {t('sessionStatus.postponed')}</strong>}
              <span className="seats">
                {s.seatsLeft == null
                  ? t('group.unlimited')
                  : s.seatsLeft > 0
                    ? t('group.seatsLeft', { count: s.seatsLeft })
                    : t('group.full')}
              </span>
              <p className="session-actions">
                <Link className="signup-button" to={s.signupHref}>
                  {s.seatsLeft === 0 ? t('signup.joinWaitlistLink') : t('signup.signUpLink')}
                  <span className="visually-hidden">, {s.when}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={others.groupHref}>{t('manage.allSessions')}</Link>
      </p>
    </section>
  );
}

/** The person's sessions: status, the online link, a calendar file, and the way to cancel. */
export function MyRegistrations({ data, manageHref }: { data: ManageData; manageHref: string }) {
  const { t } = useTranslation();
  const { locale, me, times } = data;
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('manage.sessions')}</h2>
      {me.registrations.length === 0 ? (
        <p>{t('manage.none')}</p>
      ) : (
        <ul className="manage-list">
          {me.registrations.map((r) => (
            <li key={r.id} className="manage-item">
              <h3>
                <Link to={pathTo(locale, 'group', { slug: r.group.slug })}>
                  <Localized text={r.group.title} locale={locale} />
                </Link>
              </h3>
              <p>
                <time dateTime={new Date(r.session.startsAt).toISOString()}>{times[r.id]}</time>
                {r.past && <> · {t('manage.past')}</>}
              </p>
              <p>
                <strong>{r.released ? t('manage.status.released') : t(`manage.status.${r.status}`, { position: r.position ?? '' })}</strong>
              </p>
              {r.session.status === 'cancelled' && <p>{t('manage.sessionCancelled')}</p>}
              {r.onlineUrl && (
                <p>
                  <a href={r.onlineUrl} rel="noreferrer">
                    {t('manage.joinOnline')}
                  </a>
                </p>
              )}
              {!r.past && r.status === 'confirmed' && r.session.status !== 'cancelled' && (
                <p>
                  <a className="calendar-link" href={sessionCalendarPath(locale, r.group.slug, r.session.id) + (me.discreet ? '?discreet=1' : '')} download>
                    {t('listing.addToCalendar')}
                    <span className="visually-hidden">, {times[r.id]}</span>
                  </a>
                </p>
              )}
              {!r.past && r.status !== 'cancelled' && (
                // The first step only asks (a page of its own, so it works without script).
                <Form method="get" action={manageHref}>
                  <input type="hidden" name="confirm" value={r.id} />
                  <button type="submit" className="secondary">
                    {r.status === 'waitlisted' ? t('manage.leaveWaitlist') : t('manage.cancel')}
                    <span className="visually-hidden"> · {times[r.id]}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The person's applications to closed groups, with what comes next and the way to withdraw. */
export function MyApplications({ data }: { data: ManageData }) {
  const { t } = useTranslation();
  const { locale, me, dates, steps } = data;
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">{t('manage.applications')}</h2>
      {me.applications.length === 0 ? (
        <p>{t('manage.none')}</p>
      ) : (
        <ul className="manage-list">
          {me.applications.map((a) => (
            <li key={a.id} className="manage-item">
              <h3>
                <Link to={pathTo(locale, 'group', { slug: a.group.slug })}>
                  <Localized text={a.group.title} locale={locale} />
                </Link>
              </h3>
              <p>{dates[a.id]}</p>
              <p>
                <strong>{a.released ? t('manage.status.released') : t(`manage.status.${a.status}`, { position: a.position ?? '' })}</strong>
              </p>
              {(steps[a.id] ?? []).length > 0 && (
                <>
                  <h4 id={`next-${a.id}`}>{t('manage.nextTitle')}</h4>
                  <ol className="next-steps" aria-labelledby={`next-${a.id}`}>
                    {steps[a.id]!.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ol>
                </>
              )}
              {a.onlineUrl && (
                <p>
                  <a href={a.onlineUrl} rel="noreferrer">
                    {t('manage.joinOnline')}
                  </a>
                </p>
              )}
              {(a.status === 'applied' || a.status === 'accepted' || a.status === 'waitlisted') && (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="applicationId" value={a.id} />
                  <button type="submit" className="secondary">
                    {t('manage.withdraw')}
                    <span className="visually-hidden"> · {dates[a.id]}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The person's private calendar address: made, shown with a warning, and stopped here. */
/** Discreet mode (issue 36): whether it is on, and the button that changes it. */
export function MyDiscretion({ on }: { on: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="discreet-title">
      <h2 id="discreet-title">{t('manage.discreet.title')}</h2>
      <p>{on ? t('manage.discreet.on') : t('manage.discreet.off')}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={on ? 'discreet-off' : 'discreet-on'} />
        <button type="submit" className={on ? 'secondary' : undefined}>
          {on ? t('manage.discreet.turnOff') : t('manage.discreet.turnOn')}
        </button>
      </Form>
    </section>
  );
}

export function MyCalendar({ calendarUrl }: { calendarUrl: string | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('manage.calendar.title')}</h2>
      <p>{t('manage.calendar.lead')}</p>
      {calendarUrl ? (
        <>
          <label htmlFor="calendar-address">{t('manage.calendar.address')}</label>
          <input id="calendar-address" type="text" readOnly value={calendarUrl} aria-describedby="calendar-warning" onFocus={(e) => e.currentTarget.select()} />
          <p id="calendar-warning" className="muted">
            {t('manage.calendar.warning')}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="calendar-off" />
            <button type="submit" className="secondary">
              {t('manage.calendar.stop')}
            </button>
          </Form>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="calendar-on" />
          <button type="submit">{t('manage.calendar.make')}</button>
        </Form>
      )}
    </section>
  );
}
