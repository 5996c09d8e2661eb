import '../../i18n/areas/running';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-cohort';
import { framedMeta } from '../components/area-frame';
import type { ApplicationEntry } from '../../core/running';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { formatDay, formatSessionTime } from '../lib/format';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { decideApplication, DECISIONS, listCohortApplications, messageRegistrants, notFound, permissionsOf, runningError, type FormProblem } from '../lib/running.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, Radios, TextField } from '../components/form-kit';
import { field } from '../lib/form-values';
import { Answers, PeopleTable } from '../components/people-table';
import { MessageParticipants } from '../components/message-participants';

const DONE = ['accepted', 'waitlisted', 'declined', 'messaged'] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const view = await listCohortApplications({ ctx, input: { cohortId: params.cohort } }).catch((err: unknown) => {
    const e = runningError(err, t);
    if (e.status === 404) notFound(locale);
    throw data(e.message, { status: e.status });
  });
  if (view.organization.slug !== org.slug) notFound(locale);
  const tz = view.group.timeZone;
  const day = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeZone: tz });
  const entry = (a: ApplicationEntry) => ({
    id: a.id,
    name: a.name,
    email: a.email,
    status: a.status,
    rank: a.rank,
    appliedOn: day.format(a.appliedAt),
    note: a.decisionNote,
    held: a.held,
    answers: a.answers.map((x) => {
      const value = typeof x.value === 'boolean' ? t(x.value ? 'running.session.yes' : 'running.session.no') : x.choice ? (pick(x.choice, locale)?.text ?? x.value) : x.value;
      return `${pick(x.label, locale)?.text ?? ''}: ${value}`;
    }),
  });
  const url = new URL(request.url);
  const done = url.searchParams.get('done');
  const permissions = permissionsOf(view.role);
  return {
    locale,
    csrf,
    slug: org.slug,
    canRun: permissions.includes('sessions.run'),
    canMessage: permissions.includes('registrants.message'),
    cohortId: view.cohort.id,
    group: pick(view.group.title, locale)?.text ?? '',
    dates: t('group.cohortDates', { start: formatDay(view.cohort.startsOn, locale), end: formatDay(view.cohort.endsOn, locale) }),
    status: view.cohort.status,
    capacity: view.cohort.capacity,
    applied: view.applied.map(entry),
    accepted: view.accepted.map(entry),
    waitlisted: view.waitlisted.map(entry),
    closed: view.closed.map(entry),
    sessions: view.sessions.map((s) => ({ id: s.id, when: formatSessionTime(s.startsAt, tz, locale), status: s.status })),
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : null,
    count: Number(url.searchParams.get('n') ?? 0),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const intent = field(form, 'intent');
  const applicationId = field(form, 'applicationId');
  const values = { message: field(form, intent === 'message' ? 'message-message' : `decide-${applicationId}-message`), decision: field(form, 'decision') };
  const back = (done: Done, extra = '') => redirect(`${pathTo(locale, 'orgCohort', { org: org.slug, cohort: params.cohort })}?done=${done}${extra}`);
  const fail = (p: FormProblem) => data({ intent, applicationId, values, ...p }, { status: p.status });
  try {
    const view = await listCohortApplications({ ctx, input: { cohortId: params.cohort } });
    if (view.organization.slug !== org.slug) notFound(locale);
    if (intent === 'message') {
      const out = await messageRegistrants({ ctx, input: { cohortId: params.cohort, message: values.message } });
      return back('messaged', `&n=${out.recipients}`);
    }
    if (intent === 'decide') {
      if (!view.applied.concat(view.waitlisted).some((a) => a.id === applicationId)) notFound(locale);
      if (!(DECISIONS as readonly string[]).includes(values.decision)) {
        return fail({ status: 400, message: t('running.errors.summary'), fields: { [`decide-${applicationId}-decision`]: t('errors.field.required') } });
      }
      const out = await decideApplication({ ctx, input: { applicationId, decision: values.decision as (typeof DECISIONS)[number], message: values.message } });
      return back(out.status);
    }
    return fail({ status: 400, message: t('running.errors.generic'), fields: {} });
  } catch (err) {
    if (err instanceof Response) throw err;
    return fail(runningError(err, t, intent === 'message' ? 'message-' : `decide-${applicationId}-`));
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('running.cohort.title', { group: data.group, dates: data.dates }));

export default function OrganizeCohort({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const decisionFor = (id: string) => (actionData?.intent === 'decide' && actionData.applicationId === id ? actionData : undefined);
  const decide = (a: Route.ComponentProps['loaderData']['applied'][number]) => {
    const failed = decisionFor(a.id);
    const prefix = `decide-${a.id}`;
    const decisionError = failed?.fields[`${prefix}-decision`];
    return (
      <Form method="post" noValidate aria-label={t('running.cohort.decideFor', { name: a.name })}>
        <CsrfField token={d.csrf} />
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="applicationId" value={a.id} />
        <Radios
          prefix={`${prefix}-`}
          name="decision"
          legend={t('running.cohort.decision')}
          options={(['accept', 'waitlist', 'decline'] as const).filter((choice) => a.status === 'applied' || choice !== 'waitlist').map((choice) => [choice, t(`running.cohort.${choice}`)])}
          value={failed?.values.decision}
          error={decisionError}
        />
        <TextField
          name={`${prefix}-message`}
          label={t('running.cohort.decisionMessage')}
          hint={t('running.cohort.decisionHint')}
          multiline
          maxLength={5000}
          value={failed?.values.message}
          error={failed?.fields[`${prefix}-message`]}
        />
        <button type="submit">{t('running.cohort.decide')}</button>
      </Form>
    );
  };
  return (
    <>
      <h1>{t('running.cohort.title', { group: d.group, dates: d.dates })}</h1>
      {d.done && (
        <p className="notice success" role="status">
          {d.done === 'messaged' ? t('running.session.done.messaged', { count: d.count }) : t(`running.cohort.done.${d.done}`)}
        </p>
      )}
      {actionData && <ErrorSummary message={actionData.message} fields={actionData.fields} />}
      <ul className="facts">
        <li>{t('running.cohort.status', { status: t(`cohortStatus.${d.status}`) })}</li>
        <li>
          {d.capacity == null
            ? t('running.cohort.seatsUnlimited', { accepted: d.accepted.length })
            : t('running.cohort.seats', { accepted: d.accepted.length, capacity: d.capacity })}
        </li>
      </ul>

      <h2>{t('running.cohort.pending', { count: d.applied.length })}</h2>
      {d.applied.length === 0 ? (
        <p>{t('running.cohort.nonePending')}</p>
      ) : (
        <ul className="applications">
          {d.applied.map((a) => (
            <li key={a.id} className="card">
              <h3>{a.name}</h3>
              <p>
                {a.email} · {t('running.cohort.appliedOn', { date: a.appliedOn })}
              </p>
              {a.held && <p className="muted">{t('running.session.held')}</p>}
              <Answers list={a.answers} />
              {d.canRun && decide(a)}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('running.cohort.accepted', { count: d.accepted.length })}</h2>
      {d.accepted.length === 0 ? <p>{t('running.session.none')}</p> : <PeopleTable caption={t('running.cohort.acceptedCaption')} people={d.accepted} keyOf={(p) => p.id} last={{ header: t('running.csv.status'), cell: (p) => t(`running.status.${p.status}`) }} />}

      <h2>{t('running.cohort.waitlisted', { count: d.waitlisted.length })}</h2>
      {d.waitlisted.length === 0 ? (
        <p>{t('running.session.none')}</p>
      ) : (
        <>
          <PeopleTable caption={t('running.cohort.waitlistedCaption')} people={d.waitlisted} keyOf={(p) => p.id} withRank last={{ header: t('running.csv.status'), cell: (p) => t(`running.status.${p.status}`) }} />
          {d.canRun && (
            <ul className="applications">
              {d.waitlisted.map((a) => (
                <li key={a.id} className="card">
                  <h3>
                    {a.rank}. {a.name}
                  </h3>
                  {decide(a)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {d.closed.length > 0 && (
        <>
          <h2>{t('running.cohort.closed', { count: d.closed.length })}</h2>
          <PeopleTable caption={t('running.cohort.closedCaption')} people={d.closed} keyOf={(p) => p.id} last={{ header: t('running.csv.status'), cell: (p) => t(`running.status.${p.status}`) }} />
        </>
      )}

      <h2>{t('running.cohort.sessions')}</h2>
      {d.sessions.length === 0 ? (
        <p>{t('running.cohort.noSessions')}</p>
      ) : (
        <ul>
          {d.sessions.map((s) => (
            <li key={s.id}>
              <Link to={pathTo(d.locale, 'orgSession', { org: d.slug, session: s.id })}>{s.when}</Link> · {t(`sessionStatus.${s.status}`)}
            </li>
          ))}
        </ul>
      )}

      {d.canMessage && (
        <MessageParticipants
          title={t('running.cohort.messageTitle')}
          csrf={d.csrf}
          value={actionData?.intent === 'message' ? actionData.values.message : undefined}
          error={actionData?.intent === 'message' ? actionData.fields['message-message'] : undefined}
        />
      )}
    </>
  );
}
