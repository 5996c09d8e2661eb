import type { GroupFormat, GroupKind } from '../../db/schema/enums';
import { guideAnswers, GUIDE_QUESTIONS, GUIDE_QUESTION_IDS, type GuideAnswers, type GuideQuestion } from './guide-input';

// The guide of SPEC §2: answers to a short questionnaire rank the kinds and formats of groups,
// each with the reasons (tied to a benefit of that option) and the cautions behind its score.
// Pure: no database, no clock; every answer may be missing (each question can be skipped).

/** The options the guide ranks: a kind of group in a format. */
export const GUIDE_OPTIONS = {
  drop_in_group: { kind: 'support_group', format: 'drop_in' },
  topic_drop_in: { kind: 'support_group', format: 'drop_in', dropInStyle: 'topic' },
  closed_group: { kind: 'support_group', format: 'closed' },
  group_therapy: { kind: 'group_therapy', format: 'closed' },
  workshop: { kind: 'workshop', format: null },
  online_community: { kind: 'online_community', format: 'ongoing' },
} as const satisfies Record<string, { kind: GroupKind; format: GroupFormat | null; dropInStyle?: 'topic' }>;

export type GuideOptionId = keyof typeof GUIDE_OPTIONS;
/** Ties keep this order: the most common, lowest-commitment options first. */
export const GUIDE_OPTION_IDS = Object.keys(GUIDE_OPTIONS) as GuideOptionId[];

/** A benefit of an option (shown as a reason) — each maps to a sentence in the guide catalog. */
export type GuideReason =
  | 'activity_first'
  | 'read_without_posting'
  | 'listen_first'
  | 'deeper_sharing'
  | 'planned_modules'
  | 'same_members'
  | 'come_when_you_can'
  | 'licensed_therapist'
  | 'treatment_plan'
  | 'insurance_receipts'
  | 'lived_experience'
  | 'post_any_time'
  | 'single_session'
  | 'usually_free'
  | 'nickname_only'
  | 'distance'
  | 'online_from_anywhere'
  | 'meet_in_person'
  | 'large_membership'
  | 'narrow_topics'
  | 'regular_rhythm'
  | 'your_words';

/** Something to know before choosing an option (lowers its score). */
export type GuideCaution =
  | 'talking_expected'
  | 'commitment'
  | 'fixed_schedule'
  | 'usually_fee'
  | 'intake_identity'
  | 'online_only'
  | 'not_treatment';

export interface RankedOption {
  id: GuideOptionId;
  kind: GroupKind;
  format: GroupFormat | null;
  dropInStyle: 'topic' | null;
  score: number;
  reasons: GuideReason[];
  cautions: GuideCaution[];
}

export interface GuideRanking {
  options: RankedOption[];
  /** How the matching groups should be met, when the answers say so. */
  delivery: 'online' | 'in_person' | null;
  /** Only free or pay-what-you-can groups. */
  freeOnly: boolean;
  /**
   * Whether the groups must be about the exact topic chosen ('exact'), may be about the wider
   * topic it belongs to ('general': "not necessarily the same loss"), or null when not asked.
   */
  sameLoss: 'exact' | 'general' | null;
  /** The person needs support at any hour, or their words signal a crisis: the crisis lines are shown with the ranking. */
  showCrisisLines: boolean;
}

type Effect = { option: GuideOptionId; weight: number; reason?: GuideReason; caution?: GuideCaution };
type Rules = { [Q in GuideQuestion]: Partial<Record<(typeof GUIDE_QUESTIONS)[Q][number], Effect[]>> };

const plus = (option: GuideOptionId, weight: number, reason: GuideReason): Effect => ({ option, weight, reason });
const minus = (option: GuideOptionId, weight: number, caution: GuideCaution): Effect => ({ option, weight: -weight, caution });

/** What each answer does, row by row (the first rows are the table of SPEC §2). */
const RULES: Rules = {
  talk: {
    not_ready: [
      plus('workshop', 3, 'activity_first'),
      plus('online_community', 3, 'read_without_posting'),
      minus('group_therapy', 2, 'talking_expected'),
      minus('closed_group', 1, 'talking_expected'),
    ],
    listen_first: [
      plus('drop_in_group', 1, 'listen_first'),
      plus('topic_drop_in', 1, 'listen_first'),
      plus('online_community', 1, 'read_without_posting'),
      plus('workshop', 1, 'activity_first'),
    ],
    ready: [plus('closed_group', 1, 'deeper_sharing'), plus('group_therapy', 1, 'deeper_sharing')],
  },
  structure: {
    structured: [
      plus('closed_group', 3, 'planned_modules'),
      plus('closed_group', 1, 'same_members'),
      plus('group_therapy', 3, 'planned_modules'),
      plus('group_therapy', 1, 'same_members'),
    ],
    flexible: [
      plus('drop_in_group', 2, 'come_when_you_can'),
      plus('topic_drop_in', 2, 'come_when_you_can'),
      plus('online_community', 1, 'post_any_time'),
      minus('closed_group', 1, 'commitment'),
      minus('group_therapy', 1, 'commitment'),
    ],
  },
  treatment: {
    treatment: [plus('group_therapy', 4, 'licensed_therapist'), plus('group_therapy', 0, 'treatment_plan')],
    treatment_insured: [
      plus('group_therapy', 4, 'licensed_therapist'),
      plus('group_therapy', 0, 'treatment_plan'),
      plus('group_therapy', 1, 'insurance_receipts'),
    ],
    peer: [
      plus('drop_in_group', 1, 'lived_experience'),
      plus('topic_drop_in', 1, 'lived_experience'),
      plus('closed_group', 1, 'lived_experience'),
      plus('online_community', 1, 'lived_experience'),
      minus('group_therapy', 1, 'not_treatment'),
    ],
  },
  schedule: {
    unpredictable: [
      plus('online_community', 3, 'post_any_time'),
      plus('drop_in_group', 2, 'single_session'),
      plus('topic_drop_in', 2, 'single_session'),
      minus('closed_group', 2, 'fixed_schedule'),
      minus('group_therapy', 2, 'fixed_schedule'),
    ],
    odd_hours: [
      plus('online_community', 4, 'post_any_time'),
      plus('drop_in_group', 1, 'single_session'),
      plus('topic_drop_in', 1, 'single_session'),
      minus('closed_group', 2, 'fixed_schedule'),
      minus('group_therapy', 2, 'fixed_schedule'),
    ],
    predictable: [plus('closed_group', 1, 'regular_rhythm'), plus('group_therapy', 1, 'regular_rhythm')],
  },
  budget: {
    free: [
      plus('drop_in_group', 3, 'usually_free'),
      plus('topic_drop_in', 2, 'usually_free'),
      plus('closed_group', 1, 'usually_free'),
      plus('online_community', 2, 'usually_free'),
      minus('group_therapy', 3, 'usually_fee'),
    ],
    modest: [minus('group_therapy', 1, 'usually_fee')],
  },
  anonymity: {
    anonymous: [
      plus('drop_in_group', 2, 'nickname_only'),
      plus('topic_drop_in', 2, 'nickname_only'),
      plus('online_community', 2, 'nickname_only'),
      plus('online_community', 1, 'distance'),
      minus('group_therapy', 2, 'intake_identity'),
    ],
  },
  place: {
    far: [plus('online_community', 2, 'online_from_anywhere')],
    online: [plus('online_community', 2, 'online_from_anywhere')],
    in_person: [
      plus('drop_in_group', 1, 'meet_in_person'),
      plus('topic_drop_in', 1, 'meet_in_person'),
      plus('closed_group', 1, 'meet_in_person'),
      plus('workshop', 1, 'meet_in_person'),
      minus('online_community', 3, 'online_only'),
    ],
  },
  sameLoss: {
    exact: [plus('online_community', 3, 'large_membership'), plus('topic_drop_in', 3, 'narrow_topics')],
  },
};

/** What naming a kind of help in one's own words adds to its options' scores. */
const OWN_WORDS_WEIGHT = 3;

/**
 * Ranks the guide's options from the answers: highest score first, ties in GUIDE_OPTION_IDS order.
 * Every option appears, with the reasons and cautions that moved it (each listed once).
 */
export function rankKinds(answers: GuideAnswers, ownWords: { kinds: readonly GroupKind[]; crisis: boolean } | null = null): GuideRanking {
  const a = guideAnswers.parse(answers);
  const acc = new Map(
    GUIDE_OPTION_IDS.map((id) => [id, { score: 0, reasons: new Set<GuideReason>(), cautions: new Set<GuideCaution>() }]),
  );
  // The kind of help the person named in their own words ("talk to a therapist") counts like a strong answer.
  for (const id of GUIDE_OPTION_IDS) {
    if (!ownWords?.kinds.includes(GUIDE_OPTIONS[id].kind)) continue;
    const entry = acc.get(id)!;
    entry.score += OWN_WORDS_WEIGHT;
    entry.reasons.add('your_words');
  }
  for (const question of GUIDE_QUESTION_IDS) {
    const answer = a[question];
    if (!answer) continue;
    const effects = (RULES[question] as Record<string, Effect[] | undefined>)[answer] ?? [];
    for (const e of effects) {
      const entry = acc.get(e.option)!;
      entry.score += e.weight;
      if (e.reason) entry.reasons.add(e.reason);
      if (e.caution) entry.cautions.add(e.caution);
    }
  }
  const far = a.place === 'far' || a.place === 'online';
  const options = GUIDE_OPTION_IDS.map((id, order) => {
    const def: { kind: GroupKind; format: GroupFormat | null; dropInStyle?: 'topic' } = GUIDE_OPTIONS[id];
    const entry = acc.get(id)!;
    // Far from any city: every kind has groups that meet online.
    if (far && id !== 'online_community') entry.reasons.add('online_from_anywhere');
    return {
      order,
      option: {
        id,
        kind: def.kind,
        format: def.format,
        dropInStyle: def.dropInStyle ?? null,
        score: entry.score,
        reasons: [...entry.reasons],
        cautions: [...entry.cautions],
      },
    };
  });
  options.sort((x, y) => y.option.score - x.option.score || x.order - y.order);
  return {
    options: options.map((o) => o.option),
    delivery: far ? 'online' : a.place === 'in_person' ? 'in_person' : null,
    freeOnly: a.budget === 'free',
    sameLoss: a.sameLoss ?? null,
    showCrisisLines: a.schedule === 'odd_hours' || ownWords?.crisis === true,
  };
}
