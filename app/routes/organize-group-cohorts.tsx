import '../../i18n/areas/editor';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { Route } from './+types/organize-group-cohorts';
import { framedMeta } from '../components/area-frame';
import { deleteCohort, getGroupEditor, saveCohort, saveModules, saveQuestions } from '../../core/group-editor';
import { QUESTION_TYPES } from '../../core/group-editor/values';
import { getT } from '../../i18n';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { formatDay } from '../lib/format';
import { CsrfField } from '../components/csrf-field';

import { editorError, editorRefusal } from './organize-group-shared.server';
import { Check, Choice, ErrorSummary, TextField } from '../components/form-kit';
import { checked, field, numberField, rowCount } from '../lib/form-values';
import { CohortForm, ModulesForm, type Posted } from '../components/cohort-forms';
import { EditorTabs } from '../components/editor-tabs';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const view = await getGroupEditor({ ctx, input: { groupId: params.group, organizationSlug: org.slug } }).catch((e: unknown) => editorRefusal(e, locale));
  const g = view.group;
  return {
    locale,
    csrf,
    slug: org.slug,
    group: { id: g.id, title: (locale === 'fr' ? (g.titleFr ?? g.titleEn) : (g.titleEn ?? g.titleFr)) ?? '', closed: g.format === 'closed' },
    cohorts: view.cohorts.map((c) => ({
      id: c.id,
      label: getT(locale)('editor.cohorts.cohort', { start: formatDay(c.startsOn, locale), end: formatDay(c.endsOn, locale) }),
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      sessionCount: c.sessionCount,
      capacity: c.capacity,
      minimumParticipants: c.minimumParticipants,
      decisionOn: c.decisionAt ? DateTime.fromJSDate(c.decisionAt, { zone: g.timeZone }).toFormat('yyyy-MM-dd') : null,
      lateJoinUntilSession: c.lateJoinUntilSession,
      modules: c.modules.map((m) => ({ titleEn: m.titleEn, titleFr: m.titleFr, summaryEn: m.summaryEn, summaryFr: m.summaryFr })),
    })),
    questions: view.questions.map((q) => ({
      id: q.id,
      type: q.type,
      labelEn: q.labelEn,
      labelFr: q.labelFr,
      required: q.required,
      options: q.options.map((o) => [o.labelEn ?? '', o.labelFr ?? ''].join(' | ')).join('\n'),
    })),
    done: new URL(request.url).searchParams.get('done'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  await getGroupEditor({ ctx, input: { groupId: params.group, organizationSlug: org.slug } }).catch((e: unknown) => editorRefusal(e, locale));
  const here = pathTo(locale, 'orgGroupCohorts', { org: org.slug, group: params.group });
  const intent = field(form, 'intent');
  const cohortId = field(form, 'cohortId') || null;
  try {
    if (intent === 'saveCohort') {
      await saveCohort({
        ctx,
        input: {
          groupId: params.group,
          cohortId,
          startsOn: field(form, 'startsOn'),
          endsOn: field(form, 'endsOn'),
          sessionCount: numberField(form, 'sessionCount') ?? Number.NaN,
          capacity: numberField(form, 'capacity'),
          minimumParticipants: numberField(form, 'minimumParticipants'),
          decisionOn: field(form, 'decisionOn') || null,
          lateJoinUntilSession: numberField(form, 'lateJoinUntilSession') ?? 0,
        },
      });
      return redirect(`${here}?done=saved`);
    }
    if (intent === 'deleteCohort' && cohortId) {
      await deleteCohort({ ctx, input: { groupId: params.group, cohortId } });
      return redirect(`${here}?done=deleted`);
    }
    if (intent === 'saveModules' && cohortId) {
      const count = rowCount(form);
      const modules = Array.from({ length: count }, (_, i) => ({
        titleEn: field(form, `m${i}.titleEn`),
        titleFr: field(form, `m${i}.titleFr`),
        summaryEn: field(form, `m${i}.summaryEn`),
        summaryFr: field(form, `m${i}.summaryFr`),
      })).filter((m) => m.titleEn.trim() || m.titleFr.trim() || m.summaryEn.trim() || m.summaryFr.trim());
      await saveModules({ ctx, input: { groupId: params.group, cohortId, modules } });
      return redirect(`${here}?done=modules`);
    }
    if (intent === 'saveQuestions') {
      const count = rowCount(form);
      const questions = Array.from({ length: count }, (_, i) => ({
        id: field(form, `q${i}.id`) || null,
        type: field(form, `q${i}.type`) as 'text',
        labelEn: field(form, `q${i}.labelEn`),
        labelFr: field(form, `q${i}.labelFr`),
        required: checked(form, `q${i}.required`),
        options: field(form, `q${i}.options`)
          .split('\n')
          .map((line) => line.split('|').map((x) => x.trim()))
          .filter(([en, fr]) => en || fr)
          .map(([labelEn, labelFr]) => ({ labelEn: labelEn ?? '', labelFr: labelFr ?? '' })),
      })).filter((q) => q.labelEn.trim() || q.labelFr.trim());
      await saveQuestions({ ctx, input: { groupId: params.group, questions } });
      return redirect(`${here}?done=questions`);
    }
    return data({ intent, cohortId, fields: {}, message: t('editor.errors.generic') }, { status: 400 });
  } catch (err) {
    const e = editorError(err, t);
    return data({ intent, cohortId, fields: e.fields, message: e.message }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('editor.cohorts.title', { title: data.group.title }));

export default function OrganizeGroupCohorts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, slug, group, cohorts, questions, done } = loaderData;
  const posted = actionData as Posted;
  const doneText: Record<string, string> = {
    saved: t('editor.cohorts.saved'),
    deleted: t('editor.cohorts.deleted'),
    modules: t('editor.cohorts.modulesSaved'),
    questions: t('editor.questions.saved'),
  };
  const qRows = [...questions, null];
  const qPosted = posted?.intent === 'saveQuestions' ? posted : undefined;
  const otherError = posted && posted.intent === 'deleteCohort' ? posted.message : null;
  return (
    <>
      <h1>{t('editor.cohorts.title', { title: group.title })}</h1>
      <EditorTabs locale={locale} org={slug} group={group.id} current="orgGroupCohorts" />
      {done && doneText[done] && (
        <p className="notice success" role="status">
          {doneText[done]}
        </p>
      )}
      {otherError && (
        <ErrorSummary message={otherError} />
      )}
      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t('editor.edit.cohorts')}</h2>
        {group.closed ? (
          <>
            <p>{t('editor.cohorts.lead')}</p>
            {cohorts.length === 0 && <p>{t('editor.cohorts.none')}</p>}
            {cohorts.map((c) => (
              <div key={c.id}>
                <CohortForm cohort={c} csrf={csrf} posted={posted} />
                <ModulesForm cohort={c} csrf={csrf} posted={posted} />
              </div>
            ))}
            <CohortForm cohort={null} csrf={csrf} posted={posted} />
          </>
        ) : (
          <p>{t('editor.cohorts.closedOnly')}</p>
        )}
      </section>
      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{t('editor.questions.title')}</h2>
        <p>{t('editor.questions.lead')}</p>
        <Form method="post" noValidate>
          {qPosted && <ErrorSummary message={qPosted.message} fields={{}} />}
          <CsrfField token={csrf} />
          <input type="hidden" name="rows" value={qRows.length} />
          {qRows.map((q, i) => (
            <fieldset key={q?.id ?? 'new'} className="card">
              <legend>{q ? t('editor.questions.question', { n: i + 1 }) : t('editor.questions.newOne')}</legend>
              {q && <input type="hidden" name={`q${i}.id`} value={q.id} />}
              <Choice prefix={`q${i}-`} name={`q${i}.type`} label={t('editor.questions.type')} value={q?.type ?? 'text'} options={QUESTION_TYPES.map((k) => [k, t(`editor.questions.${k}`)])} />
              <TextField prefix={`q${i}-`} name={`q${i}.labelEn`} label={t('editor.questions.labelEn')} value={q?.labelEn} />
              <TextField prefix={`q${i}-`} name={`q${i}.labelFr`} label={t('editor.questions.labelFr')} value={q?.labelFr} />
              <Check prefix={`q${i}-`} name={`q${i}.required`} label={t('editor.questions.required')} checked={q?.required ?? false} />
              <TextField multiline rows={3} prefix={`q${i}-`} name={`q${i}.options`} label={t('editor.questions.options')} value={q?.options ?? ''} />
            </fieldset>
          ))}
          <p>
            <button type="submit" name="intent" value="saveQuestions">
              {t('editor.questions.save')}
            </button>
          </p>
        </Form>
      </section>
    </>
  );
}
