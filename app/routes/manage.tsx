import '../../i18n/areas/manage';
import '../../i18n/areas/signup';
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
import { verifyManageToken } from '../../core/participants/manage-link';
import { setCalendarFeed } from '../../core/calendars/my-calendar';
import { setDiscreet } from '../../core/participants/set-discreet';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { myCalendarPath } from '../lib/listing-paths';
import { formatDay, formatSessionTime, formatTime } from '../lib/format';
import { signupErrors, retryAfter, retryAfterHeaders } from '../lib/signup.server';
import { ConfirmStep, MyApplications, MyCalendar, MyDiscretion, MyRegistrations, OtherSessions } from '../components/manage-parts';
import { Check, ErrorSummary } from '../components/form-kit';
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
      calendarUrl: me.calendarFeedToken ? new URL(myCalendarPath(locale, me.calendarFeedToken), context.settings.publicUrl).toString() : null,
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
    // A genuine link whose person is gone: they deleted their data (just now, or before).
    if (err instanceof CoreError && err.code === 'not_found' && verifyManageToken(context.settings, params.token, new Date())) return { locale, deleted: true as const };
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
    if (intent === 'calendar-on' || intent === 'calendar-off') {
      const on = intent === 'calendar-on';
      await setCalendarFeed({ ctx, input: { token: params.token, on } });
      return back(on ? 'calendar-made' : 'calendar-stopped');
    }
    if (intent === 'discreet-on' || intent === 'discreet-off') {
      const on = intent === 'discreet-on';
      await setDiscreet({ ctx, input: { token: params.token, on } });
      return back(on ? 'discreet-on' : 'discreet-off');
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
  if ('deleted' in loaderData || actionData?.deleted) return <DeletedNotice locale={loaderData.locale} />;
  return <ManagePage loaderData={loaderData} actionData={actionData} />;
}

/** The page's data for a person whose data is there. */
type ManageData = Exclude<Route.ComponentProps['loaderData'], { deleted: true }>;

/** What the page says once the person's data is deleted (the link then reaches nothing else). */
function DeletedNotice({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
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

/** What the page says after each of its forms (`?done=`). */
const DONE_MESSAGES = {
  cancelled: 'manage.cancelled',
  withdrawn: 'manage.withdrawn',
  unsubscribed: 'manage.unsubscribed',
  'calendar-made': 'manage.calendar.made',
  'calendar-stopped': 'manage.calendar.stopped',
  'discreet-on': 'manage.discreet.madeOn',
  'discreet-off': 'manage.discreet.madeOff',
} as const;

function ManagePage({ loaderData, actionData }: { loaderData: ManageData; actionData: Route.ComponentProps['actionData'] }) {
  const { t } = useTranslation();
  const { locale, me, done, times, confirming, others, calendarUrl } = loaderData;
  const { token = '' } = useParams();
  const manageHref = pathTo(locale, 'manage', { token });
  // After the page changes in place (with script), the question or the outcome gets the focus.
  useEffect(() => {
    document.getElementById(confirming ? 'confirm-title' : 'done-message')?.focus();
  }, [confirming, done]);
  const doneMessage = done && Object.hasOwn(DONE_MESSAGES, done) ? t(DONE_MESSAGES[done as keyof typeof DONE_MESSAGES]) : me.justConfirmed ? t('manage.emailConfirmed') : null;
  if (confirming) {
    return (
      <div className="page narrow">
        <h1>{t('manage.title')}</h1>
        <ConfirmStep confirming={confirming} when={times[confirming.id] ?? ''} manageHref={manageHref} locale={locale} />
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
      {others && <OtherSessions others={others} locale={locale} />}
      {actionData?.error && (
        <ErrorSummary message={actionData.error} />
      )}
      <p className="muted">{t('manage.lead')}</p>

      <MyRegistrations data={loaderData} manageHref={manageHref} />

      <MyApplications data={loaderData} />

      <>
        <MyDiscretion on={me.discreet} />
        <MyCalendar calendarUrl={calendarUrl} />
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
            <Check name="confirm" label={t('manage.deleteConfirm')} required checked={false} />
            <button type="submit" className="danger">
              {t('manage.deleteButton')}
            </button>
          </Form>
        </section>
      </>
    </div>
  );
}
