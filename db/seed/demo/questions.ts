import type { QuestionDef } from './types';

// Intake questions shared by several closed groups.

export const THERAPY_INTAKE: QuestionDef[] = [
  {
    type: 'text',
    required: true,
    label: {
      en: 'In a few sentences, what would you like to be different by the end of the group?',
      fr: "En quelques phrases, qu'aimeriez-vous voir changer d'ici la fin du groupe?",
    },
  },
  {
    type: 'yes_no',
    required: true,
    label: {
      en: 'Are you currently seeing a psychologist, psychotherapist or psychiatrist?',
      fr: 'Êtes-vous présentement suivi par un ou une psychologue, psychothérapeute ou psychiatre?',
    },
  },
  {
    type: 'choice',
    required: true,
    label: {
      en: 'When could we call you for the screening interview (about 20 minutes)?',
      fr: "Quand pourrions-nous vous appeler pour l'entrevue de présélection (environ 20 minutes)?",
    },
    options: [
      { value: 'weekday_morning', label: { en: 'Weekday mornings', fr: 'En semaine, le matin' } },
      { value: 'weekday_afternoon', label: { en: 'Weekday afternoons', fr: "En semaine, l'après-midi" } },
      { value: 'weekday_evening', label: { en: 'Weekday evenings', fr: 'En semaine, le soir' } },
    ],
  },
];

export const BEREAVEMENT_INTAKE: QuestionDef[] = [
  {
    type: 'text',
    required: true,
    label: {
      en: 'Who died, and roughly when? Share only what you are comfortable sharing.',
      fr: 'Qui est décédé, et à peu près quand? Ne partagez que ce qui vous convient.',
    },
  },
  {
    type: 'choice',
    required: false,
    label: { en: 'How did the death happen?', fr: 'Dans quelles circonstances le décès est-il survenu?' },
    options: [
      { value: 'illness', label: { en: 'After an illness', fr: 'Après une maladie' } },
      { value: 'sudden', label: { en: 'Suddenly (accident, heart attack…)', fr: 'Subitement (accident, crise cardiaque…)' } },
      { value: 'suicide', label: { en: 'Suicide', fr: 'Suicide' } },
      { value: 'other', label: { en: 'Other, or prefer not to say', fr: 'Autre, ou préfère ne pas répondre' } },
    ],
  },
  {
    type: 'yes_no',
    required: false,
    label: {
      en: 'Have you been part of a grief group before?',
      fr: 'Avez-vous déjà participé à un groupe de deuil?',
    },
  },
];
