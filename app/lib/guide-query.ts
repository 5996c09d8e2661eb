import { z } from 'zod';
import { guideAnswers, guideWhere, GUIDE_QUESTION_IDS, type GuideAnswers, type GuideWhere } from '../../core/guide/guide-input';

// The guide's answers live in the query string only (the guide stores nothing): the result page
// is shareable and each no-JavaScript step is a plain GET form carrying the previous answers.

/** One question per screen without JavaScript; the first one says what and in which language. */
export const GUIDE_STEPS = ['about', ...GUIDE_QUESTION_IDS] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

/** The query-string fields each step sets. */
export const STEP_FIELDS: Record<GuideStep, readonly GuideField[]> = {
  about: ['words', 'topic', 'language'],
  talk: ['talk'],
  structure: ['structure'],
  treatment: ['treatment'],
  schedule: ['schedule'],
  budget: ['budget'],
  anonymity: ['anonymity'],
  place: ['place', 'city'],
  sameLoss: ['sameLoss'],
};

export const guideQuery = guideAnswers.extend(guideWhere.shape);
export type GuideValues = GuideAnswers & GuideWhere;
export type GuideField = keyof GuideValues;
export const GUIDE_FIELDS = Object.keys(guideQuery.shape) as GuideField[];

/** The questionnaire page also reads which step to show and which button was pressed. */
export const guideStepQuery = guideQuery.extend({
  step: z.coerce.number().int().min(1).max(GUIDE_STEPS.length).optional(),
  go: z.enum(['next', 'skip']).optional(),
});

export function splitValues(v: z.output<typeof guideStepQuery>): { answers: GuideAnswers; where: GuideWhere } {
  return {
    answers: Object.fromEntries(GUIDE_QUESTION_IDS.map((q) => [q, v[q]])) as GuideAnswers,
    where: { words: v.words, topic: v.topic, language: v.language, city: v.city, age: v.age },
  };
}

/** `?a=1&b=2` for the answers given (empty ones left out), optionally with more parameters. */
export function guideSearch(values: Partial<Record<string, string | number | undefined>>, omit: readonly string[] = []): string {
  const params = new URLSearchParams();
  for (const field of [...GUIDE_FIELDS, 'step']) {
    const v = values[field];
    if (v != null && v !== '' && !omit.includes(field)) params.set(field, String(v));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
