import '../../i18n/areas/guide';
import { useTranslation } from 'react-i18next';
import { GUIDE_QUESTIONS, type GuideQuestion } from '../../core/guide/guide-input';
import type { GuideStep, GuideValues } from '../lib/guide-query';

export interface TopicOption {
  slug: string;
  label: string;
}

/**
 * The fields of one step of the guide: a fieldset whose legend is the question. In the all-in-one
 * form (with JavaScript) each question also offers "I would rather not say", so that any answer
 * can be taken back; step by step, the "Skip" button does that.
 */
export function GuideStepFields({
  step,
  values,
  topics,
  languages,
  allInOne,
}: {
  step: GuideStep;
  values: Partial<GuideValues>;
  topics: TopicOption[];
  languages: { code: 'en' | 'fr'; name: string }[];
  allInOne: boolean;
}) {
  const { t } = useTranslation();
  if (step === 'about') {
    return (
      <fieldset className="guide-question">
        <legend>{t('guide.questions.about.legend')}</legend>
        <p>
          <label htmlFor="guide-words">{t('guide.questions.about.words')}</label>
          <textarea id="guide-words" name="words" rows={2} maxLength={200} defaultValue={values.words ?? ''} aria-describedby="guide-words-hint" />
          <small id="guide-words-hint">{t('guide.questions.about.wordsHint')}</small>
        </p>
        <p>
          <label htmlFor="guide-topic">{t('guide.questions.about.topic')}</label>
          <select id="guide-topic" name="topic" defaultValue={values.topic ?? ''}>
            <option value="">{t('guide.questions.about.anyTopic')}</option>
            {topics.map((topic) => (
              <option key={topic.slug} value={topic.slug}>
                {topic.label}
              </option>
            ))}
          </select>
        </p>
        <fieldset className="guide-subquestion">
          <legend>{t('guide.questions.about.language')}</legend>
          {[...languages, { code: '', name: t('guide.questions.about.anyLanguage') }].map((l) => (
            <p key={l.code} className="choice">
              <input type="radio" name="language" id={`guide-language-${l.code || 'any'}`} value={l.code} defaultChecked={(values.language ?? '') === l.code} />{' '}
              <label htmlFor={`guide-language-${l.code || 'any'}`}>{l.name}</label>
            </p>
          ))}
        </fieldset>
      </fieldset>
    );
  }
  const q: GuideQuestion = step;
  const choices: readonly string[] = GUIDE_QUESTIONS[q];
  const label = (choice: string) => t(`guide.questions.${q}.${choice}` as 'guide.questions.talk.ready');
  return (
    <fieldset className="guide-question">
      <legend>{t(`guide.questions.${q}.legend`)}</legend>
      {[...choices, ...(allInOne ? [''] : [])].map((choice) => {
        const id = `guide-${q}-${choice || 'none'}`;
        return (
          <p key={choice} className="choice">
            <input type="radio" name={q} id={id} value={choice} defaultChecked={(values[q] ?? '') === choice && (choice !== '' || allInOne)} />{' '}
            <label htmlFor={id}>{choice ? label(choice) : t('guide.noAnswer')}</label>
          </p>
        );
      })}
      {q === 'place' && (
        <p>
          <label htmlFor="guide-city">{t('guide.questions.place.city')}</label>
          <span id="guide-city-hint" className="hint">
            {t('guide.questions.place.cityHint')}
          </span>
          <input id="guide-city" name="city" type="text" autoComplete="address-level2" maxLength={100} defaultValue={values.city ?? ''} aria-describedby="guide-city-hint" />
        </p>
      )}
    </fieldset>
  );
}
