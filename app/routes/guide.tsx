import '../../i18n/areas/guide';
import { useEffect, useState } from 'react';
import { Form, Link, redirect, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/guide';
import { listTopicChoices } from '../../core/guide';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { parseQuery, badRequest } from '../lib/query.server';
import { languageName } from '../lib/format';
import { GUIDE_STEPS, STEP_FIELDS, guideSearch, guideStepQuery, type GuideField } from '../lib/guide-query';
import { GuideStepFields } from '../components/guide-fields';

/**
 * The questionnaire. Without JavaScript: one question per screen, a GET form carrying the earlier
 * answers, "Next" and "Skip" buttons and a "Back" link. With JavaScript: every question in one
 * form. Either way the answers only travel in the URL; nothing is stored.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const parsed = parseQuery(guideStepQuery, url, t);
  if (!parsed.ok) badRequest(parsed.issues);
  const v = parsed.value;
  const step = v.step ?? 1;
  if (v.go) {
    // A step was submitted: move on (without its answer when skipped), with a clean URL.
    const skipped: readonly GuideField[] = v.go === 'skip' ? STEP_FIELDS[GUIDE_STEPS[step - 1]!] : [];
    if (step >= GUIDE_STEPS.length) throw redirect(pathTo(locale, 'guideResults') + guideSearch(v, ['step', ...skipped]));
    throw redirect(pathTo(locale, 'guide') + guideSearch({ ...v, step: step + 1 }, skipped));
  }
  const topics = await listTopicChoices({ ctx: coreContext(context, locale) });
  const label = (l: { en: string | null; fr: string | null }) => pick(l, locale)?.text ?? '';
  const { step: _step, go: _go, ...values } = v;
  return {
    locale,
    step,
    values,
    title: t('guide.title'),
    topics: topics.flatMap((p) => [
      { slug: p.slug, label: label(p.label) },
      ...p.children.map((c) => ({ slug: c.slug, label: `${label(p.label)} › ${label(c.label)}` })),
    ]),
    languages: (['en', 'fr'] as const).map((code) => ({ code, name: languageName(code, locale) })),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.title} · Cercle` : 'Cercle' },
  { name: 'description', content: data ? getT(data.locale)('guide.lead') : '' },
];

export default function Guide({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, step, values, topics, languages } = loaderData;
  // Server-rendered one step at a time; once JavaScript runs, all questions on one page.
  const [allInOne, setAllInOne] = useState(false);
  useEffect(() => setAllInOne(true), []);
  const current = GUIDE_STEPS[step - 1]!;
  const guideHref = pathTo(locale, 'guide');
  const resultsHref = pathTo(locale, 'guideResults');
  const carried = Object.entries(values).filter(([k, v]) => v != null && v !== '' && !STEP_FIELDS[current].includes(k as GuideField));
  const last = step === GUIDE_STEPS.length;
  const navigate = useNavigate();
  // Unanswered questions stay out of the result's address, so that it is short and shareable.
  const showResults = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const answered = Object.fromEntries([...new FormData(e.currentTarget)].map(([k, v]) => [k, String(v)]));
    void navigate(`${resultsHref}${guideSearch(answered)}`);
  };

  return (
    <div className="page narrow guide">
      <h1>{t('guide.title')}</h1>
      <p className="lead">{t('guide.lead')}</p>
      {allInOne ? (
        <Form method="get" action={resultsHref} className="guide-form" aria-label={t('guide.form')} onSubmit={showResults}>
          {GUIDE_STEPS.map((s) => (
            <GuideStepFields key={s} step={s} values={values} topics={topics} languages={languages} allInOne />
          ))}
          <p className="guide-actions">
            <button type="submit">{t('guide.seeResults')}</button>
          </p>
        </Form>
      ) : (
        <Form method="get" action={guideHref} className="guide-form" aria-label={t('guide.form')}>
          <p className="guide-progress">{t('guide.progress', { step, total: GUIDE_STEPS.length })}</p>
          {carried.map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={String(v)} />
          ))}
          <input type="hidden" name="step" value={step} />
          <GuideStepFields step={current} values={values} topics={topics} languages={languages} allInOne={false} />
          <p className="guide-actions">
            <button type="submit" name="go" value="next">
              {last ? t('guide.seeResults') : t('guide.next')}
            </button>{' '}
            <button type="submit" name="go" value="skip" className="secondary">
              {t('guide.skip')}
            </button>
          </p>
          <p className="guide-nav">
            {step > 1 && (
              <Link to={`${guideHref}${guideSearch({ ...values, step: step - 1 })}`} rel="prev">
                {t('guide.back')}
              </Link>
            )}
            {!last && <Link to={`${resultsHref}${guideSearch(values)}`}>{t('guide.skipToResults')}</Link>}
          </p>
        </Form>
      )}
    </div>
  );
}
