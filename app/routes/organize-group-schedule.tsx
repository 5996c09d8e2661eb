import '../../i18n/areas/editor';
import { DateTime } from 'luxon';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-group-schedule';
import { framedMeta } from '../components/area-frame';
import {
  addSession,
  deleteSchedule,
  getGroupEditor,
  previewSchedule,
  removeSession,
  saveSchedule,
} from '../../core/group-editor';
import { listUpcomingSessions } from '../../core/schedules/list-upcoming-sessions';
import { reasonOf } from '../../core/errors';
import { getT } from '../../i18n';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { formatDay, formatSessionTime, formatTime } from '../lib/format';
import { CsrfField } from '../components/csrf-field';
import { ScheduleEditor, SessionsByMonth, type ActionData } from '../components/schedule-editor';

import { editorError, editorRefusal, scheduleFromForm } from './organize-group-shared.server';
import { ErrorSummary, TextField } from '../components/form-kit';
import { field, numberField } from '../lib/form-values';
import { EditorTabs } from '../components/editor-tabs';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const view = await getGroupEditor({ ctx, input: { groupId: params.group, organizationSlug: org.slug } }).catch((e: unknown) => editorRefusal(e, locale));
  const g = view.group;
  const zone = g.timeZone;
  const url = new URL(request.url);
  const asked = Number(url.searchParams.get('page') ?? '1');
  // Every upcoming session, a page at a time (not only the next few weeks), each linked to its page.
  const upcoming = await listUpcomingSessions({ ctx, input: { groupId: g.id, page: Number.isInteger(asked) && asked >= 1 ? asked : 1 } });
  const cohortLabel = new Map(
    view.cohorts.map((c) => [c.id, t('editor.schedule.cohortOption', { start: formatDay(c.startsOn, locale), end: formatDay(c.endsOn, locale) })]),
  );
  const intl = locale === 'fr' ? 'fr-CA' : 'en-CA';
  return {
    locale,
    csrf,
    slug: org.slug,
    group: { id: g.id, title: (locale === 'fr' ? (g.titleFr ?? g.titleEn) : (g.titleEn ?? g.titleFr)) ?? '', timeZone: zone, closed: g.format === 'closed' },
    schedules: view.schedules,
    cohorts: view.cohorts.map((c) => ({ id: c.id, label: cohortLabel.get(c.id)! })),
    sessions: upcoming.sessions.map((s) => {
      const local = DateTime.fromJSDate(s.startsAt, { zone }).setLocale(intl);
      const module = s.moduleTitle ? (locale === 'fr' ? (s.moduleTitle.fr ?? s.moduleTitle.en) : (s.moduleTitle.en ?? s.moduleTitle.fr)) : null;
      return {
        id: s.id,
        month: local.toFormat('LLLL yyyy'),
        when: `${formatSessionTime(s.startsAt, zone, locale)} – ${formatTime(s.endsAt, zone, locale)}`,
        iso: s.startsAt.toISOString(),
        status: s.status,
        oneOff: s.scheduleId == null,
        cohort: s.cohortId ? (cohortLabel.get(s.cohortId) ?? null) : null,
        module,
        registrations: s.registrations,
        href: pathTo(locale, 'orgSession', { org: org.slug, session: s.id }),
      };
    }),
    paging: { page: upcoming.page, pages: upcoming.pages, total: upcoming.total },
    done: url.searchParams.get('done'),
  };
}

/** The schedule form as posted, with the cohort it is for (closed groups; empty: every cohort). */
function postedSchedule(form: FormData) {
  return { ...scheduleFromForm(form), cohortId: field(form, 'cohortId').trim() || null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const here = pathTo(locale, 'orgGroupSchedule', { org: org.slug, group: params.group });
  const intent = field(form, 'intent');
  const scheduleId = field(form, 'scheduleId') || null;
  const view = await getGroupEditor({ ctx, input: { groupId: params.group, organizationSlug: org.slug } }).catch((e: unknown) => editorRefusal(e, locale));
  const zone = view.group.timeZone;
  try {
    if (intent === 'preview') {
      const dates = previewSchedule({ form: postedSchedule(form), timeZone: zone }, ctx.now);
      return { intent, scheduleId, preview: dates.map((d) => `${formatSessionTime(d.startsAt, zone, locale)} – ${formatTime(d.endsAt, zone, locale)}`), fields: {}, message: '' };
    }
    if (intent === 'save') {
      await saveSchedule({ ctx, input: { groupId: params.group, scheduleId, form: postedSchedule(form) } });
      return redirect(`${here}?done=saved`);
    }
    if (intent === 'delete' && scheduleId) {
      await deleteSchedule({ ctx, input: { groupId: params.group, scheduleId } });
      return redirect(`${here}?done=deleted`);
    }
    if (intent === 'add') {
      await addSession({
        ctx,
        input: {
          groupId: params.group,
          date: field(form, 'date'),
          startTime: field(form, 'startTime'),
          durationMinutes: numberField(form, 'durationMinutes') ?? Number.NaN,
          capacity: numberField(form, 'capacity'),
          topicEn: field(form, 'topicEn'),
          topicFr: field(form, 'topicFr'),
        },
      });
      return redirect(`${here}?done=added`);
    }
    if (intent === 'remove') {
      await removeSession({ ctx, input: { groupId: params.group, sessionId: field(form, 'sessionId') } });
      return redirect(`${here}?done=removed`);
    }
    return data({ intent, scheduleId, preview: null, fields: {}, message: t('editor.errors.generic') }, { status: 400 });
  } catch (err) {
    // The same schedule twice would make every session twice: say so, and keep what was typed.
    if (reasonOf(err) === 'duplicate_schedule') {
      return data({ intent, scheduleId, preview: null, fields: {}, message: t('errors.reason.duplicate_schedule') }, { status: 409 });
    }
    const e = editorError(err, t);
    return data({ intent, scheduleId, preview: null, fields: e.fields, message: e.message }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('editor.schedule.title', { title: data.group.title }));

export default function OrganizeGroupSchedule({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, slug, group, schedules, cohorts, sessions, paging, done } = loaderData;
  const posted = actionData as ActionData;
  const addErrors = posted?.intent === 'add' ? posted : null;
  const removeError = posted?.intent === 'remove' ? posted.message : null;
  const doneText: Record<string, string> = {
    saved: t('editor.schedule.saved'),
    deleted: t('editor.schedule.deleted'),
    added: t('editor.schedule.added'),
    removed: t('editor.schedule.removed'),
  };
  const here = pathTo(locale, 'orgGroupSchedule', { org: slug, group: group.id });
  const pageHref = (n: number) => (n <= 1 ? `${here}#sessions-title` : `${here}?page=${n}#sessions-title`);
  // A new schedule saved empties the "add" form (it is a new form, keyed by the saved schedules).
  const newFormKey = `new-${schedules.map((s) => s.id).join('.')}`;
  return (
    <>
      <h1>{t('editor.schedule.title', { title: group.title })}</h1>
      <EditorTabs locale={locale} org={slug} group={group.id} current="orgGroupSchedule" />
      {done && doneText[done] && (
        <p className="notice success" role="status">
          {doneText[done]}
        </p>
      )}
      <p>{t('editor.schedule.lead', { zone: group.timeZone })}</p>
      <section aria-labelledby="recurring-title">
        <h2 id="recurring-title">{t('editor.schedule.recurring')}</h2>
        {schedules.length === 0 && <p>{t('editor.schedule.none')}</p>}
        {schedules.map((s) =>
          s.form ? (
            <ScheduleEditor key={s.id} id={s.id} form={s.form} csrf={csrf} posted={posted} cohorts={group.closed ? cohorts : null} />
          ) : (
            <p key={s.id}>{t('editor.schedule.custom', { rule: s.rrule })}</p>
          ),
        )}
        <ScheduleEditor key={newFormKey} id={null} form={null} csrf={csrf} posted={posted} cohorts={group.closed ? cohorts : null} />
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('editor.schedule.sessions')}</h2>
        {removeError && (
          <ErrorSummary message={removeError} />
        )}
        {sessions.length === 0 ? (
          <p>{t('editor.schedule.noSessions')}</p>
        ) : (
          <>
            <p className="muted">{t('editor.schedule.sessionsLead', { count: paging.total })}</p>
            <SessionsByMonth sessions={sessions} csrf={csrf} />
            {paging.pages > 1 && (
              <nav aria-label={t('editor.schedule.pages')} className="pager">
                <p>
                  {paging.page > 1 && <Link to={pageHref(paging.page - 1)}>{t('editor.schedule.earlier')}</Link>}{' '}
                  <span>{t('editor.schedule.pageOf', { page: paging.page, pages: paging.pages })}</span>{' '}
                  {paging.page < paging.pages && <Link to={pageHref(paging.page + 1)}>{t('editor.schedule.later')}</Link>}
                </p>
              </nav>
            )}
          </>
        )}
        <Form method="post" noValidate className="card" aria-labelledby="add-session-title">
          <h3 id="add-session-title">{t('editor.schedule.addSession')}</h3>
          {addErrors && <ErrorSummary message={addErrors.message} fields={addErrors.fields} prefix="add-" />}
          <CsrfField token={csrf} />
          <input type="hidden" name="intent" value="add" />
          <TextField prefix="add-" name="date" label={t('editor.schedule.date')} type="date" error={addErrors?.fields.date} />
          <TextField prefix="add-" name="startTime" label={t('editor.schedule.startTime')} type="time" value="19:00" error={addErrors?.fields.startTime} />
          <TextField prefix="add-" name="durationMinutes" label={t('editor.schedule.duration')} type="number" value={90} error={addErrors?.fields.durationMinutes} />
          <TextField prefix="add-" name="capacity" label={t('editor.schedule.capacity')} type="number" min={1} error={addErrors?.fields.capacity} />
          <TextField multiline rows={3} prefix="add-" name="topicEn" label={t('editor.schedule.topicEn')} error={addErrors?.fields.topicEn} />
          <TextField multiline rows={3} prefix="add-" name="topicFr" label={t('editor.schedule.topicFr')} error={addErrors?.fields.topicFr} />
          <p>
            <button type="submit">{t('editor.schedule.addSubmit')}</button>
          </p>
        </Form>
      </section>
    </>
  );
}
