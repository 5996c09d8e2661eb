import { data, Link, redirect, useFetcher } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-checkin';
import type { ATTENDANCE_STATUSES } from '../../core/running/record-attendance';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { formatSessionTime } from '../lib/format';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { field, listSessionRegistrants, notFound, recordAttendance, runningError, sessionRegistrantsFor } from '../lib/running.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';

type Mark = (typeof ATTENDANCE_STATUSES)[number];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const view = await sessionRegistrantsFor(ctx, org.slug, params.session, locale);
  const saved = new URL(request.url).searchParams.get('saved');
  const savedPerson = saved ? view.confirmed.find((p) => p.participantId === saved) : undefined;
  return {
    locale,
    csrf,
    slug: org.slug,
    sessionId: view.session.id,
    group: pick(view.group.title, locale)?.text ?? '',
    when: formatSessionTime(view.session.startsAt, view.group.timeZone, locale),
    cancelled: view.session.status === 'cancelled',
    people: view.confirmed.map((p) => ({ participantId: p.participantId, name: p.name, attendance: p.attendance })),
    saved: savedPerson?.attendance ? { name: savedPerson.name, status: savedPerson.attendance } : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const participantId = field(form, 'participantId');
  const status = field(form, 'status') as Mark;
  try {
    const view = await listSessionRegistrants({ ctx, input: { sessionId: params.session } });
    if (view.organization.slug !== org.slug) notFound(locale);
    await recordAttendance({ ctx, input: { sessionId: params.session, records: [{ participantId, status }] } });
  } catch (err) {
    if (err instanceof Response) throw err;
    const e = runningError(err, t);
    const message = e.fields['records'] ?? (Object.keys(e.fields).length ? t('running.errors.notOnRoster') : e.message);
    return data({ ok: false as const, message, participantId }, { status: e.status });
  }
  // With JavaScript the row updates in place; without, the page reloads at the row just marked.
  // (A browser posting the form itself asks for HTML; the script's fetch does not.)
  if (request.headers.get('accept')?.includes('text/html')) {
    return redirect(`${pathTo(locale, 'orgCheckIn', { org: org.slug, session: params.session })}?saved=${participantId}#p-${participantId}`);
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

export default function OrganizeCheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const present = d.people.filter((p) => p.attendance === 'present').length;
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
      {actionData && !actionData.ok && (
        <p className="error-summary" role="alert">
          {actionData.message}
        </p>
      )}
      {d.cancelled ? (
        <p className="notice">{t('running.checkIn.cancelled')}</p>
      ) : d.people.length === 0 ? (
        <p>{t('running.checkIn.nobody')}</p>
      ) : (
        <>
          <p className="muted">{t('running.checkIn.counts', { present, absent, pending })}</p>
          <ul className="checkin-list">
            {d.people.map((p) => (
              <PersonRow key={p.participantId} person={p} csrf={d.csrf} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
