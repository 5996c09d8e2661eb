import type { GroupRow } from './shared';

/** One thing to fix before publishing: an i18n key (editor area) and the field it concerns. */
export interface PublishProblem {
  key: string;
  path: string;
}

export type PublishCheckGroup = Pick<
  GroupRow,
  | 'kind' | 'format' | 'leadership' | 'delivery' | 'languages' | 'titleEn' | 'titleFr' | 'summaryEn' | 'summaryFr'
  | 'descriptionEn' | 'descriptionFr' | 'whatToExpectEn' | 'whatToExpectFr' | 'venueName' | 'street' | 'city'
  | 'onlineUrl' | 'costType' | 'feeCents' | 'feeCurrency' | 'feePer'
> & Partial<Pick<GroupRow, 'eligibilityEn' | 'eligibilityFr' | 'treatmentFocusEn' | 'treatmentFocusFr'>>;

export interface PublishFacts {
  /** Facilitators linked to the group. */
  facilitators: { leadership: string; licenceStatus: string }[];
  /** Sessions still ahead and not cancelled. */
  upcomingSessions: number;
  /** Recurring schedules. */
  schedules: number;
  /** Cohorts that have not ended and are not cancelled. */
  activeCohorts: number;
}

export interface PublishCheck {
  /** Blocking: the group cannot be published until each is fixed. */
  problems: PublishProblem[];
  /** Not blocking: texts written in one language but not the other. */
  missingTranslations: PublishProblem[];
}

const TRANSLATED = ['title', 'summary', 'description', 'whatToExpect', 'eligibility', 'treatmentFocus'] as const;

/**
 * What is missing before a group can be published (SPEC §1, §3). Pure: the caller gathers the
 * facts. Problem keys live under `editor.problem.*`, missing translations under `editor.missing.*`.
 */
export function publishProblems(group: PublishCheckGroup, facts: PublishFacts): PublishCheck {
  const problems: PublishProblem[] = [];
  const add = (key: string, path: string) => problems.push({ key: `editor.problem.${key}`, path });

  if (!group.titleEn?.trim() && !group.titleFr?.trim()) add('title', 'titleEn');
  if (!group.kind) add('kind', 'kind');
  if (!group.format) add('format', 'format');
  if (!group.leadership) add('leadership', 'leadership');
  if (!group.delivery) add('delivery', 'delivery');
  if (!group.languages || group.languages.length === 0) add('languages', 'languages');

  const inPerson = group.delivery === 'in_person' || group.delivery === 'hybrid';
  const online = group.delivery === 'online' || group.delivery === 'hybrid';
  if (inPerson && !group.venueName?.trim() && !group.street?.trim()) add('venue', 'venueName');
  if (inPerson && !group.city?.trim()) add('city', 'city');
  if (online && group.kind !== 'online_community' && !group.onlineUrl?.trim()) add('onlineUrl', 'onlineUrl');

  if (group.format === 'drop_in' && facts.upcomingSessions === 0 && facts.schedules === 0) add('sessions', 'schedule');
  if (group.format === 'closed' && facts.activeCohorts === 0) add('cohort', 'cohorts');

  if (group.costType === 'fee' && (group.feeCents == null || !group.feeCurrency || !group.feePer)) add('fee', 'feeCents');

  const needsLicence = group.kind === 'group_therapy' || group.leadership === 'licensed';
  if (needsLicence) {
    const licensed = facts.facilitators.filter((f) => f.leadership === 'licensed');
    if (licensed.length === 0) add('licensedFacilitator', 'facilitatorIds');
    else if (!licensed.some((f) => f.licenceStatus === 'verified')) add('licenceVerified', 'facilitatorIds');
  }

  const missingTranslations: PublishProblem[] = [];
  for (const field of TRANSLATED) {
    const en = (group as Record<string, unknown>)[`${field}En`] as string | null | undefined;
    const fr = (group as Record<string, unknown>)[`${field}Fr`] as string | null | undefined;
    if (en?.trim() && !fr?.trim()) missingTranslations.push({ key: `editor.missing.fr`, path: `${field}Fr` });
    if (fr?.trim() && !en?.trim()) missingTranslations.push({ key: `editor.missing.en`, path: `${field}En` });
  }
  return { problems, missingTranslations };
}
