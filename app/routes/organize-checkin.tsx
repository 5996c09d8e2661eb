import '../../i18n/areas/running';
import { DateTime } from 'luxon';
import { data, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-checkin';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { formatDay, formatSessionTime } from '../lib/format';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { listSessionRegistrants, notFound, recordAttendance, runningError, sessionRegistrantsFor } from '../lib/running.server';
import { addWalkIn, getCheckInState, removeWalkIn } from '../lib/checkin.server';
import { pathTo } from '../lib/paths';
import { ErrorSummary } from '../components/form-kit';
import { field } from '../lib/form-values';
import { PersonRow, WalkIns, type Mark } from '../components/check-in';


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
