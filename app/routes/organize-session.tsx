import '../../i18n/areas/running';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-session';
import { framedMeta } from '../components/area-frame';
import type { Registrant } from '../../core/running';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { formatDay, formatSessionTime, formatTime, zoneName } from '../lib/format';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { cancelSession, changeSessionCapacity, listSessionRegistrants, sessionRegistrantsFor, messageRegistrants, moveSessionOnline, notFound, permissionsOf, postponeSession, runningError, scheduleMakeUpSession, zonedInstant, zonedParts, type FormProblem } from '../lib/running.server';
import { getCheckInState } from '../lib/checkin.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, TextField } from '../components/form-kit';
import { PeopleTable } from '../components/people-table';
import { SessionChanges } from '../components/session-changes';
import { field } from '../lib/form-values';
import { MessageParticipants } from '../components/message-participants';

const DONE = ['messaged', 'capacity', 'cancelled', 'postponed', 'moved_online', 'make_up'] as const;
type Done = (typeof DONE)[number];

function answerText(a: Registrant['answers'][number], locale: Locale, t: (k: 'running.session.yes' | 'running.session.no') => string) {
  const label = pick(a.label, locale)?.text ?? '';
  const value = typeof a.value === 'boolean' ? t(a.value ? 'running.session.yes' : 'running.session.no') : a.choice ? (pick(a.choice, locale)?.text ?? a.value) : a.value;
  return `${label}: ${value}`;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const view = await sessionRegistrantsFor(ctx, org.slug, params.session, locale);
  const { walkIns } = await getCheckInState({ ctx, input: { sessionId: view.session.id } });
  const tz = view.group.timeZone;
  const s = view.session;
  const url = new URL(request.url);
  const done = url.searchParams.get('done');
  const count = Number(url.searchParams.get('n') ?? 0);
  const promoted = Number(url.searchParams.get('promoted') ?? 0);
  const person = (p: Registrant) => ({
    participantId: p.participantId,
    name: p.name,
    email: p.email,
    answers: p.answers.map((a) => answerText(a, locale, t)),
    attendance: p.attendance,
    held: p.held,
  });
  const nextWeek = zonedParts(new Date(s.startsAt.getTime() + 7 * 86_400_000), tz);
  const endParts = zonedParts(s.endsAt, tz);
  return {
    locale,
    csrf,
    slug: org.slug,
    canRun: permissionsOf(view.role).includes('sessions.run'),
    canMessage: permissionsOf(view.role).includes('registrants.message'),
    sessionId: s.id,
    groupTitle: pick(view.group.title, locale)?.text ?? '',
    when: `${formatSessionTime(s.startsAt, tz, locale)} – ${formatTime(s.endsAt, tz, locale)}`,
    zone: zoneName(tz, locale),
    status: s.status,
    reason: s.statusReason,
    originally: s.originalStartsAt ? formatSessionTime(s.originalStartsAt, tz, locale) : null,
    isMakeUp: Boolean(s.makeUpForSessionId),
    cohort: view.cohort ? { id: view.cohort.id, dates: t('group.cohortDates', { start: formatDay(view.cohort.startsOn, locale), end: formatDay(view.cohort.endsOn, locale) }) } : null,
    capacity: s.capacity,
    ownCapacity: s.ownCapacity,
    defaultCapacity: view.group.defaultCapacity,
    hasOnlineLink: view.group.hasOnlineLink,
    over: s.endsAt <= ctx.now,
    confirmed: view.confirmed.map(person),
    waitlist: view.waitlist.map((w) => ({ ...person(w), rank: w.rank })),
    walkIns: walkIns.length,
    suggest: { date: nextWeek.date, start: nextWeek.time, end: endParts.time },
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : null,
    count,
    promoted,
  };
}

type ActionResult = FormProblem & { intent: string; values: Record<string, string> };

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const intent = field(form, 'intent');
  // Each form's fields are named after its intent (`cancel-reason`), so errors land on the right form.
  const values = Object.fromEntries(['message', 'capacity', 'reason', 'date', 'start', 'end'].map((n) => [n, field(form, `${intent}-${n}`)]));
  const sessionId = params.session;
  const back = (done: Done, extra = '') => redirect(`${pathTo(locale, 'orgSession', { org: org.slug, session: sessionId })}?done=${done}${extra}`);
  const fail = (problem: FormProblem) => data<ActionResult>({ intent, values, ...problem }, { status: problem.status });
  try {
    // The session must belong to the organization of the address.
    const view = await listSessionRegistrants({ ctx, input: { sessionId } });
    if (view.organization.slug !== org.slug) notFound(locale);
    const tz = view.group.timeZone;
    const times = () => {
      const startsAt = zonedInstant(values.date!, values.start!, tz);
      const endsAt = zonedInstant(values.date!, values.end!, tz);
      const fields: Record<string, string> = {};
      if (!startsAt) fields[`${intent}-date`] = t('errors.field.invalid_date');
      if (!endsAt) fields[`${intent}-end`] = t('errors.field.invalid_date');
      return { startsAt, endsAt, fields };
    };
    switch (intent) {
      case 'message': {
        const out = await messageRegistrants({ ctx, input: { sessionId, message: values.message!, includeWaitlist: field(form, 'includeWaitlist') === 'yes' } });
        return back('messaged', `&n=${out.recipients}`);
      }
      case 'capacity': {
        const raw = values.capacity!.trim();
        // Anything but a whole number of 1 or more is refused by core, next to the field.
        const capacity = raw === '' ? null : Number(raw);
        const out = await changeSessionCapacity({ ctx, input: { sessionId, capacity } });
        return back('capacity', `&promoted=${out.promoted.length}`);
      }
      case 'cancel':
        await cancelSession({ ctx, input: { sessionId, reason: values.reason! } });
        return back('cancelled');
      case 'online':
        await moveSessionOnline({ ctx, input: { sessionId, reason: values.reason! } });
        return back('moved_online');
      case 'postpone': {
        const { startsAt, endsAt, fields } = times();
        if (!startsAt || !endsAt) return fail({ status: 400, message: t('running.errors.summary'), fields });
        await postponeSession({ ctx, input: { sessionId, startsAt, endsAt, reason: values.reason! } });
        return back('postponed');
      }
      case 'makeup': {
        const { startsAt, endsAt, fields } = times();
        if (!startsAt || !endsAt) return fail({ status: 400, message: t('running.errors.summary'), fields });
        await scheduleMakeUpSession({ ctx, input: { sessionId, startsAt, endsAt } });
        return back('make_up');
      }
      default:
        return fail({ status: 400, message: t('running.errors.generic'), fields: {} });
    }
  } catch (err) {
    if (err instanceof Response) throw err;
    const problem = runningError(err, t, `${intent}-`);
    // Times are typed as date + start + end; a core complaint about them lands on those fields.
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(problem.fields)) {
      fields[k.replace(/-startsAt$/, '-date').replace(/-endsAt$/, '-end')] = v;
    }
    return fail({ ...problem, fields });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('running.session.title', { group: data.groupTitle, date: data.when }));

export default function OrganizeSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const errorsOf = (intent: string) => (actionData?.intent === intent ? actionData.fields : {});
  const valuesOf = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const closed = d.status === 'cancelled' || d.over;
  const fill =
    d.capacity == null
      ? t('running.dashboard.fillUnlimited', { taken: d.confirmed.length })
      : t('running.dashboard.fillOf', { taken: d.confirmed.length, capacity: d.capacity });
  const csvPath =
    d.locale === 'fr'
      ? `/fr/organiser/${encodeURIComponent(d.slug)}/rencontres/${d.sessionId}/inscriptions.csv`
      : `/en/organize/${encodeURIComponent(d.slug)}/sessions/${d.sessionId}/registrants.csv`;
  return (
    <>
      <h1>{t('running.session.title', { group: d.groupTitle, date: d.when })}</h1>
      {d.done && (
        <p className="notice success" role="status">
          {d.done === 'messaged' ? t('running.session.done.messaged', { count: d.count }) : t(`running.session.done.${d.done}`)}
          {d.done === 'capacity' && d.promoted > 0 && ` ${t('running.session.done.promoted', { count: d.promoted })}`}
        </p>
      )}
      {actionData && <ErrorSummary message={actionData.message} fields={actionData.fields} />}
      <ul className="facts">
        <li>{t('running.session.statusLabel', { status: t(`sessionStatus.${d.status}`) })}</li>
        {d.reason && <li>{t('running.session.reason', { reason: d.reason })}</li>}
        {d.originally && <li>{t('running.session.originally', { date: d.originally })}</li>}
        {d.isMakeUp && <li>{t('running.session.makeUpFor')}</li>}
        {d.cohort && (
          <li>
            {t('running.session.cohortSession', { dates: d.cohort.dates })}{' '}
            <Link to={pathTo(d.locale, 'orgCohort', { org: d.slug, cohort: d.cohort.id })}>{t('running.session.cohortLink')}</Link>
          </li>
        )}
        <li>{t('running.session.places', { fill })}</li>
        {d.walkIns > 0 && <li>{t('running.session.walkIns', { count: d.walkIns })}</li>}
      </ul>
      {d.canRun && d.status !== 'cancelled' && (
        <p>
          <Link to={pathTo(d.locale, 'orgCheckIn', { org: d.slug, session: d.sessionId })}>{t('running.session.checkIn')}</Link>
        </p>
      )}
      {/* A plain form: the browser downloads the file and the page stays (exporting is logged, so a POST). */}
      <form method="post" action={csvPath} className="actions">
        <CsrfField token={d.csrf} />
        <button type="submit" className="secondary">
          {t('running.session.csv')}
        </button>
      </form>

      <h2>{t('running.session.registered', { count: d.confirmed.length })}</h2>
      {d.confirmed.length === 0 ? <p>{t('running.session.none')}</p> : (
        <PeopleTable
          caption={t('running.session.registeredCaption')}
          people={d.confirmed}
          keyOf={(p) => p.participantId}
          last={{ header: t('running.session.attendance'), cell: (p) => t(`running.attendance.${p.attendance ?? 'none'}`) }}
        />
      )}

      <h2>{t('running.session.waitlist', { count: d.waitlist.length })}</h2>
      {d.waitlist.length === 0 ? <p>{t('running.session.none')}</p> : <PeopleTable caption={t('running.session.waitlistCaption')} people={d.waitlist} keyOf={(p) => p.participantId} withRank />}

      {d.canMessage && (
        <MessageParticipants
          title={t('running.session.messageTitle')}
          csrf={d.csrf}
          value={valuesOf('message')?.message}
          error={errorsOf('message')['message-message']}
          offerWaitlist={!d.cohort}
        />
      )}

      {d.canRun && !closed && !d.cohort && (
        <section aria-labelledby="capacity-title">
          <h2 id="capacity-title">{t('running.session.capacityTitle')}</h2>
          <Form method="post" noValidate>
            <CsrfField token={d.csrf} />
            <input type="hidden" name="intent" value="capacity" />
            <TextField
              name="capacity-capacity"
              type="number"
              label={t('running.session.capacity')}
              hint={t('running.session.capacityHint', { value: d.defaultCapacity ?? t('running.session.capacityUnlimited') })}
              value={valuesOf('capacity')?.capacity ?? (d.ownCapacity == null ? '' : String(d.ownCapacity))}
              error={errorsOf('capacity')['capacity-capacity']}
            />
            <button type="submit">{t('running.session.saveCapacity')}</button>
          </Form>
        </section>
      )}

      {d.canRun && closed && d.status !== 'cancelled' && <p className="notice">{t('running.session.closed')}</p>}

      <SessionChanges d={d} actionData={actionData} />
    </>
  );
}
