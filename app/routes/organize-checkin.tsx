import { DateTime } from 'luxon';
import { data, Form, Link, redirect, useFetcher } from 'react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-checkin';
import type { ATTENDANCE_STATUSES } from '../../core/running/record-attendance';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { formatDay, formatSessionTime } from '../lib/format';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { listSessionRegistrants, notFound, recordAttendance, runningError, sessionRegistrantsFor } from '../lib/running.server';
import { addWalkIn, getCheckInState, removeWalkIn } from '../lib/checkin.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary } from '../components/form-kit';
import { field } from '../lib/form-values';

type Mark = (typeof ATTENDANCE_STATUSES)[number];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const view = await sessionRegistrantsFor(ctx, org.slug, params.session, locale);
  const state = await getCheckInState({ ctx, input: { sessionId: view.session.id } });
  const search = new URL(request.url).searchParams;
  const saved = search.get('saved');
  const savedPerson = saved ? view.confirmed.find((p) => p.participantId === saved) : undefined;
  const added = search.get('added');
  const addedWalkIn = added ? state.walkIns.find((w) => w.id === added) : undefined;
  const tz = view.group.timeZone;
  return {
    locale,
    csrf,
    slug: org.slug,
    sessionId: view.session.id,
    group: pick(view.group.title, locale)?.text ?? '',
    when: formatSessionTime(view.session.startsAt, tz, locale),
    closed: state.closed,
    opensOn: formatDay(DateTime.fromJSDate(state.opensAt, { zone: tz }).toISODate()!, locale),
    walkInsAllowed: state.walkInsAllowed,
    walkInsRefused: state.walkInsRefused,
    walkIns: state.walkIns.map((w) => ({ id: w.id, name: w.name })),
    people: view.confirmed.map((p) => ({ participantId: p.participantId, name: p.name, attendance: p.attendance })),
    saved: savedPerson?.attendance ? { name: savedPerson.name, status: savedPerson.attendance } : null,
    walkInAdded: addedWalkIn ? addedWalkIn.name : null,
    walkInAddedId: addedWalkIn?.id ?? null,
    walkInRemoved: search.get('removed') === '1',
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const intent = field(form, 'intent') || 'mark';
  const participantId = field(form, 'participantId');
  const status = field(form, 'status') as Mark;
  const here = pathTo(locale, 'orgCheckIn', { org: org.slug, session: params.session });
  try {
    const view = await listSessionRegistrants({ ctx, input: { sessionId: params.session } });
    if (view.organization.slug !== org.slug) notFound(locale);
    if (intent === 'walk-in') {
      const { walkInId } = await addWalkIn({ ctx, input: { sessionId: params.session, name: field(form, 'walkInName') } });
      return redirect(`${here}?added=${walkInId}#walk-ins`);
    }
    if (intent === 'remove-walk-in') {
      await removeWalkIn({ ctx, input: { sessionId: params.session, walkInId: field(form, 'walkInId') } });
      return redirect(`${here}?removed=1#walk-ins`);
    }
    await recordAttendance({ ctx, input: { sessionId: params.session, records: [{ participantId, status }] } });
  } catch (err) {
    if (err instanceof Response) throw err;
    const e = runningError(err, t);
    if (intent === 'walk-in' || intent === 'remove-walk-in') {
      // The walk-in's name is the only field: a complaint about it lands next to it, name kept.
      return data({ ok: false as const, intent, message: e.message, nameError: e.fields['name'], name: field(form, 'walkInName'), participantId: '' }, { status: e.status });
    }
    const message = e.fields['records'] ?? (Object.keys(e.fields).length ? t('errors.field.not_on_roster') : e.message);
    return data({ ok: false as const, intent, message, nameError: undefined, name: '', participantId }, { status: e.status });
  }
  // With JavaScript the row updates in place; without, the page reloads at the row just marked.
  // (A browser posting the form itself asks for HTML; the script's fetch does not.)
  if (request.headers.get('accept')?.includes('text/html')) {
    return redirect(`${here}?saved=${participantId}#p-${participantId}`);
  }
  return { ok: true as const, participantId, status };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data ? getT(data.locale)('running.checkIn.title', { group: data.group }) : ''} · Cercle` },
  { name: 'viewport', content: 'width=device-width, initial-scale=1' },
  { name: 'robots', content: 'noindex' },
];

function PersonRow({ person, csrf }: { person: { participantId: string; name: string; attendance: Mark | null }; csrf: string }) {
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
function WalkIns({
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

export default function OrganizeCheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  // Walk-ins came: they count as present.
  const present = d.people.filter((p) => p.attendance === 'present').length + d.walkIns.length;
  const absent = d.people.filter((p) => p.attendance === 'absent').length;
  const pending = d.people.filter((p) => !p.attendance).length;
  return (
    <div className="page checkin">
      <p>
        <Link to={pathTo(d.locale, 'orgSession', { org: d.slug, session: d.sessionId })}>{t('running.checkIn.back')}</Link>
      </p>
      <h1>{t('running.checkIn.title', { group: d.group })}</h1>
      <p>{t('running.checkIn.lead', { date: d.when })}</p>
      {d.saved && (
        <p className="notice success" role="status">
          {t('running.checkIn.saved', { name: d.saved.name, status: t(`running.attendance.${d.saved.status}`) })}
        </p>
      )}
      {d.walkInAdded && (
        <p className="notice success" role="status">
          {t('running.checkIn.walkInAdded', { name: d.walkInAdded })}
        </p>
      )}
      {d.walkInRemoved && (
        <p className="notice success" role="status">
          {t('running.checkIn.walkInRemoved')}
        </p>
      )}
      {actionData && !actionData.ok && (
        <ErrorSummary message={actionData.message} />
      )}
      {d.closed === 'cancelled' ? (
        <p className="notice">{t('running.checkIn.cancelled')}</p>
      ) : d.closed === 'not_yet' ? (
        <p className="notice">{t('running.checkIn.notYet', { date: d.opensOn })}</p>
      ) : (
        <>
          {d.people.length + d.walkIns.length > 0 && <p className="muted">{t('running.checkIn.counts', { present, absent, pending })}</p>}
          {d.people.length === 0 ? (
            <p>{t('running.checkIn.nobody')}</p>
          ) : (
            <ul className="checkin-list">
              {d.people.map((p) => (
                <PersonRow key={p.participantId} person={p} csrf={d.csrf} />
              ))}
            </ul>
          )}
          {d.walkInsAllowed && (
            <WalkIns
              walkIns={d.walkIns}
              csrf={d.csrf}
              nameError={actionData && !actionData.ok ? actionData.nameError : undefined}
              name={actionData && !actionData.ok ? actionData.name : undefined}
              addedId={d.walkInAddedId}
              refused={d.walkInsRefused}
            />
          )}
        </>
      )}
    </div>
  );
}
