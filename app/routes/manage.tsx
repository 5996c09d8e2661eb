import { data, Form, Link, redirect, useParams } from 'react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/manage';
import { getMyRegistrations } from '../../core/participants/get-my-registrations';
import { cancelRegistration } from '../../core/participants/cancel-registration';
import { findOtherSessions } from '../../core/participants/find-other-sessions';
import { withdrawApplication } from '../../core/participants/withdraw-application';
import type { NextStep } from '../../core/applications/next-steps';
import { deleteMyData, unsubscribe } from '../../core/participants/my-data';
import { CoreError } from '../../core/errors';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { formatDay, formatSessionTime, formatTime } from '../lib/format';
import { signupErrors, retryAfter, retryAfterHeaders } from '../lib/signup.server';
import { Localized } from '../components/localized';
import { sessionCalendarPath } from '../lib/listing-paths';
import { ErrorSummary } from '../components/form-kit';
import { checked, field } from '../lib/form-values';

function localeOf(request: Request): Locale {
  return localeOfPath(new URL(request.url).pathname) as Locale;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  try {
    const ctx = coreContext(context, locale);
    const me = await getMyRegistrations({ ctx, input: { token: params.token } });
    const url = new URL(request.url);
    const done = url.searchParams.get('done');
    // Cancelling takes two steps: ?confirm=<registration> asks first (no script needed).
    const confirmId = url.searchParams.get('confirm');
    const confirming = me.registrations.find((r) => r.id === confirmId && !r.past && r.status !== 'cancelled') ?? null;
    // After a cancellation: the same group's other sessions that take sign-ups.
    const fromId = done === 'cancelled' ? url.searchParams.get('from') : null;
    const from = fromId ? me.registrations.find((r) => r.id === fromId) : undefined;
    const others = from ? await findOtherSessions({ ctx, input: { token: params.token, registrationId: from.id } }) : null;
    return {
      locale,
      me,
      done,
      confirming,
      others: others && {
        groupTitle: others.group.title,
        groupHref: pathTo(locale, 'group', { slug: others.group.slug }),
        sessions: others.sessions.map((s) => ({
          id: s.id,
          startsAt: s.startsAt.toISOString(),
          when: `${formatSessionTime(s.startsAt, others.group.timeZone, locale)} – ${formatTime(s.endsAt, others.group.timeZone, locale)}`,
          postponed: s.status === 'postponed',
          seatsLeft: s.seatsLeft,
          signupHref: pathTo(locale, 'sessionSignup', { slug: others.group.slug, sessionId: s.id }),
        })),
      },
      times: Object.fromEntries(
        me.registrations.map((r) => [
          r.id,
          `${formatSessionTime(r.session.startsAt, r.group.timeZone, locale)} – ${formatTime(r.session.endsAt, r.group.timeZone, locale)}`,
        ]),
      ),
      steps: Object.fromEntries(me.applications.map((a) => [a.id, a.nextSteps.map((step) => nextStepText(step, a.group.timeZone, t, locale))])),
      dates: Object.fromEntries(
        me.applications.map((a) => [
          a.id,
          t('group.cohortDates', { start: formatDay(a.cohort.startsOn, locale), end: formatDay(a.cohort.endsOn, locale) }),
        ]),
      ),
    };
  } catch (err) {
    if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) throw data(t('manage.notFound'), { status: 404 });
    throw err;
  }
}

/** One step after an application, in a sentence, its moments in the group's zone. */
function nextStepText(step: NextStep, zone: string, t: ReturnType<typeof getT>, locale: Locale): string {
  const at = (d: Date) => formatSessionTime(d, zone, locale);
  switch (step.kind) {
    case 'review':
      return t('manage.next.review', { by: at(step.by) });
    case 'call':
      return t('manage.next.call', { phone: step.phone, by: at(step.by) });
    case 'accepted':
      return t(step.online ? 'manage.next.acceptedOnline' : 'manage.next.accepted');
    case 'waitlist':
      return t(step.automatic ? 'manage.next.waitlistAutomatic' : 'manage.next.waitlistManual', { position: step.position, until: at(step.until) });
    case 'minimum':
      return t('manage.next.minimum', { minimum: step.minimum, at: at(step.at) });
    case 'email':
      return t(`manage.next.email_${step.about}`);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const ctx = coreContext(context, locale);
  const form = await request.formData();
  const intent = field(form, 'intent');
  const back = (done: string) => redirect(`${pathTo(locale, 'manage', { token: params.token })}?done=${done}`);
  try {
    if (intent === 'cancel') {
      const registrationId = field(form, 'registrationId');
      await cancelRegistration({ ctx, input: { token: params.token, registrationId } });
      return redirect(
        `${pathTo(locale, 'manage', { token: params.token })}?${new URLSearchParams({ done: 'cancelled', from: registrationId })}`,
      );
    }
    if (intent === 'withdraw') {
      await withdrawApplication({ ctx, input: { token: params.token, applicationId: field(form, 'applicationId') } });
      return back('withdrawn');
    }
    if (intent === 'unsubscribe') {
      await unsubscribe({ ctx, input: { token: params.token } });
      return back('unsubscribed');
    }
    if (intent === 'delete') {
      if (!checked(form, 'confirm')) return data({ error: t('manage.deleteMustConfirm'), deleted: false }, { status: 400 });
      await deleteMyData({ ctx, input: { token: params.token } });
      return { error: null, deleted: true };
    }
    return data({ error: t('signup.errors.summary'), deleted: false }, { status: 400 });
  } catch (err) {
    const e = signupErrors(err, t);
    return data({ error: e.message, deleted: false }, { status: e.status, headers: retryAfter(err) });
  }
}

/** A form refused for being one too many says when to try again. */
export const headers = retryAfterHeaders;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data ? getT(data.locale)('manage.title') : ''} · Cercle` },
  // A personal page: never indexed.
  { name: 'robots', content: 'noindex' },
];

export default function Manage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, me, done, times, dates, steps, confirming, others } = loaderData;
  const { token = '' } = useParams();
  const manageHref = pathTo(locale, 'manage', { token });
  // After the page changes in place (with script), the question or the outcome gets the focus.
  useEffect(() => {
    document.getElementById(confirming ? 'confirm-title' : 'done-message')?.focus();
  }, [confirming, done]);
  if (actionData?.deleted) {
    return (
      <div className="page narrow">
        <h1>{t('manage.title')}</h1>
        <p className="notice" role="status">
          {t('manage.deleted')}
        </p>
        <p>
          <Link to={pathTo(locale, 'home')}>{t('errors.home')}</Link>
        </p>
      </div>
    );
  }
  const doneMessage =
    done === 'cancelled'
      ? t('manage.cancelled')
      : done === 'withdrawn'
        ? t('manage.withdrawn')
        : done === 'unsubscribed'
          ? t('manage.unsubscribed')
          : me.justConfirmed
            ? t('manage.emailConfirmed')
            : null;
  if (confirming) {
    const leaving = confirming.status === 'waitlisted';
    return (
      <div className="page narrow">
        <h1>{t('manage.title')}</h1>
        <section aria-labelledby="confirm-title" className="card confirm-step">
          <h2 id="confirm-title" tabIndex={-1}>
            {leaving ? t('manage.confirmLeaveTitle') : t('manage.confirmCancelTitle')}
          </h2>
          <p>
            <strong>
              <Localized text={confirming.group.title} locale={locale} />
            </strong>
            <br />
            <time dateTime={new Date(confirming.session.startsAt).toISOString()}>{times[confirming.id]}</time>
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
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t('manage.title')}</h1>
      {doneMessage && (
        <p className="notice success" role="status" id="done-message" tabIndex={-1}>
          {doneMessage}
        </p>
      )}
      {others && (
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
      )}
      {actionData?.error && (
        <ErrorSummary message={actionData.error} />
      )}
      <p className="muted">{t('manage.lead')}</p>

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
                    <a className="calendar-link" href={sessionCalendarPath(locale, r.group.slug, r.session.id)} download>
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

      <>
        <section aria-labelledby="reminders-title">
          <h2 id="reminders-title">{t('manage.reminders')}</h2>
          <p>{me.unsubscribed ? t('manage.remindersOff') : t('manage.remindersOn')}</p>
          {!me.unsubscribed && (
            <Form method="post">
              <input type="hidden" name="intent" value="unsubscribe" />
              <button type="submit" className="secondary">
                {t('manage.unsubscribeButton')}
              </button>
            </Form>
          )}
        </section>
        <section aria-labelledby="data-title">
          <h2 id="data-title">{t('manage.yourData')}</h2>
          <p>
            <a href={`/manage/${encodeURIComponent(token)}/data.json`} download>
              {t('manage.download')}
            </a>
          </p>
          <h3>{t('manage.deleteTitle')}</h3>
          <p>{t('manage.deleteHint')}</p>
          <Form method="post" className="danger-zone">
            <input type="hidden" name="intent" value="delete" />
            <p className="field checkbox">
              <input id="confirm-delete" name="confirm" type="checkbox" required />
              <label htmlFor="confirm-delete">{t('manage.deleteConfirm')}</label>
            </p>
            <button type="submit" className="danger">
              {t('manage.deleteButton')}
            </button>
          </Form>
        </section>
      </>
    </div>
  );
}
