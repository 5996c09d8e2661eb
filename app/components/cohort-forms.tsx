import '../../i18n/areas/editor';
import { Form } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/organize-group-cohorts';
import { CsrfField } from './csrf-field';
import { ErrorSummary, TextField } from './form-kit';

// The group editor's forms of a cohort: its dates and places, and its modules.

export type Posted = { intent: string; cohortId: string | null; fields: Record<string, string>; message: string } | undefined;

type CohortView = Route.ComponentProps['loaderData']['cohorts'][number];

export function CohortForm({ cohort, csrf, posted }: { cohort: CohortView | null; csrf: string; posted: Posted }) {
  const { t } = useTranslation();
  const px = `${cohort?.id ?? 'new'}-`;
  const mine = posted && posted.intent === 'saveCohort' && (posted.cohortId ?? null) === (cohort?.id ?? null) ? posted : undefined;
  const e = mine?.fields ?? {};
  return (
    <Form method="post" noValidate className="card" aria-labelledby={`h-${px}`}>
      <h3 id={`h-${px}`}>{cohort ? cohort.label : t('editor.cohorts.add')}</h3>
      {mine && <ErrorSummary message={mine.message} fields={e} />}
      <CsrfField token={csrf} />
      {cohort && <input type="hidden" name="cohortId" value={cohort.id} />}
      <TextField prefix={px} name="startsOn" type="date" label={t('editor.cohorts.startsOn')} value={cohort?.startsOn} error={e.startsOn} />
      <TextField prefix={px} name="endsOn" type="date" label={t('editor.cohorts.endsOn')} value={cohort?.endsOn} error={e.endsOn} />
      <TextField prefix={px} name="sessionCount" type="number" min={1} label={t('editor.cohorts.sessionCount')} value={cohort?.sessionCount} error={e.sessionCount} />
      <TextField prefix={px} name="capacity" type="number" min={1} label={t('editor.cohorts.capacity')} value={cohort?.capacity} error={e.capacity} />
      <TextField prefix={px} name="minimumParticipants" type="number" min={1} label={t('editor.cohorts.minimum')} value={cohort?.minimumParticipants} error={e.minimumParticipants} />
      <TextField prefix={px} name="decisionOn" type="date" label={t('editor.cohorts.decisionOn')} hint={t('editor.cohorts.decisionHint')} value={cohort?.decisionOn} error={e.decisionOn} />
      <TextField prefix={px} name="lateJoinUntilSession" type="number" min={0} label={t('editor.cohorts.lateJoin')} hint={t('editor.cohorts.lateJoinHint')} value={cohort?.lateJoinUntilSession ?? 0} error={e.lateJoinUntilSession} />
      <p>
        <button type="submit" name="intent" value="saveCohort">
          {t('editor.cohorts.save')}
        </button>{' '}
        {cohort && (
          <button type="submit" name="intent" value="deleteCohort" className="secondary">
            {t('editor.cohorts.delete')}
          </button>
        )}
      </p>
    </Form>
  );
}

export function ModulesForm({ cohort, csrf, posted }: { cohort: CohortView; csrf: string; posted: Posted }) {
  const { t } = useTranslation();
  const rows = [...cohort.modules, ...Array.from({ length: Math.max(1, cohort.sessionCount - cohort.modules.length) }, () => null)].slice(0, Math.max(cohort.sessionCount, cohort.modules.length));
  const mine = posted && posted.intent === 'saveModules' && posted.cohortId === cohort.id ? posted : undefined;
  return (
    <Form method="post" noValidate className="card" aria-labelledby={`mod-${cohort.id}`}>
      <h4 id={`mod-${cohort.id}`}>{t('editor.cohorts.modules')}</h4>
      <p className="muted">{t('editor.cohorts.modulesHint')}</p>
      {mine && <ErrorSummary message={mine.message} fields={{}} />}
      <CsrfField token={csrf} />
      <input type="hidden" name="cohortId" value={cohort.id} />
      <input type="hidden" name="rows" value={rows.length} />
      <ol>
        {rows.map((m, i) => (
          <li key={i}>
            <fieldset>
              <legend>{t('editor.cohorts.module', { n: i + 1 })}</legend>
              <div className="editor-columns">
                <div lang="en">
                  <TextField prefix={`${cohort.id}-${i}-`} name={`m${i}.titleEn`} label={t('editor.cohorts.moduleTitleEn')} value={m?.titleEn} />
                  <TextField multiline rows={3} prefix={`${cohort.id}-${i}-`} name={`m${i}.summaryEn`} label={t('editor.cohorts.moduleSummaryEn')} value={m?.summaryEn ?? ''} />
                </div>
                <div lang="fr">
                  <TextField prefix={`${cohort.id}-${i}-`} name={`m${i}.titleFr`} label={t('editor.cohorts.moduleTitleFr')} value={m?.titleFr} />
                  <TextField multiline rows={3} prefix={`${cohort.id}-${i}-`} name={`m${i}.summaryFr`} label={t('editor.cohorts.moduleSummaryFr')} value={m?.summaryFr ?? ''} />
                </div>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <p>
        <button type="submit" name="intent" value="saveModules">
          {t('editor.cohorts.saveModules')}
        </button>
      </p>
    </Form>
  );
}
