import { z } from 'zod';
import {
  ACCESSIBILITY_FEATURES,
  COST_TYPES,
  DELIVERIES,
  DROP_IN_STYLES,
  GROUP_FORMATS,
  GROUP_KINDS,
  LEADERSHIPS,
  WORKSHOP_ACTIVITIES,
} from '../../db/schema/enums';
import { GENDERS } from '../search/search-input';
import type { Issue } from '../errors';
import { isTimeZone } from './values';
import { clearInapplicable } from './applicable';
import { titleLanguages } from './choices';

// The attributes of a group an organizer edits (SPEC §1). Issue messages are stable codes
// (`required`, `too_long`, …) that the editor page turns into sentences in the reader's language.

const SHORT = 200;
const LONG = 8000;

const shortText = z.string().trim().max(SHORT, { error: 'too_long' }).nullable().transform((s) => s || null);
const longText = z.string().trim().max(LONG, { error: 'too_long' }).nullable().transform((s) => s || null);
const count = (min: number, max: number) =>
  z.number({ error: 'not_a_number' }).int({ error: 'not_a_number' }).min(min, { error: 'too_small' }).max(max, { error: 'too_large' });

/** Languages a group can be held in: ISO 639-1 codes (en, fr, es, ar, …). */
export const languageCode = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, { error: 'invalid' });

export const FEE_CURRENCIES = ['CAD', 'USD', 'EUR'] as const;
export const WAITLIST_PROMOTIONS = ['automatic', 'manual'] as const;
/** Drop-ins: walk-ins always welcome, welcome while seats are left, or not taken. */
export const WALK_IN_POLICIES = ['welcome', 'within_capacity', 'none'] as const;
export type WalkInPolicy = (typeof WALK_IN_POLICIES)[number];
export const REACHES = ['local', 'anywhere'] as const;
export const FEE_PERS = ['session', 'program'] as const;

/** Every editable attribute; each may be left out of an update (it keeps its value). */
export const groupAttributes = z.object({
  kind: z.enum(GROUP_KINDS, { error: 'required' }),
  leadership: z.enum(LEADERSHIPS, { error: 'required' }),
  format: z.enum(GROUP_FORMATS, { error: 'required' }),
  dropInStyle: z.enum(DROP_IN_STYLES, { error: 'invalid' }).nullable(),
  delivery: z.enum(DELIVERIES, { error: 'required' }),
  reach: z.enum(REACHES, { error: 'invalid' }),
  regions: z.array(z.string().trim().min(1).max(100, { error: 'too_long' })).max(50, { error: 'too_long' }),

  costType: z.enum(COST_TYPES, { error: 'required' }),
  feeCents: count(0, 10_000_000).nullable(),
  feeCurrency: z.enum(FEE_CURRENCIES, { error: 'invalid' }).nullable(),
  feePer: z.enum(FEE_PERS, { error: 'invalid' }).nullable(),
  suggestedDonationCents: count(0, 10_000_000).nullable(),
  insuranceReceipts: z.boolean(),
  coveredByEn: shortText,
  coveredByFr: shortText,

  workshopActivity: z.enum(WORKSHOP_ACTIVITIES, { error: 'invalid' }).nullable(),
  noNeedToTalk: z.boolean(),
  materialsEn: longText,
  materialsFr: longText,

  titleEn: shortText,
  titleFr: shortText,
  summaryEn: z.string().trim().max(500, { error: 'too_long' }).nullable().transform((s) => s || null),
  summaryFr: z.string().trim().max(500, { error: 'too_long' }).nullable().transform((s) => s || null),
  descriptionEn: longText,
  descriptionFr: longText,
  whatToExpectEn: longText,
  whatToExpectFr: longText,
  eligibilityEn: longText,
  eligibilityFr: longText,
  treatmentFocusEn: longText,
  treatmentFocusFr: longText,
  audienceEn: shortText,
  audienceFr: shortText,
  rulesEn: longText,
  rulesFr: longText,

  ageMin: count(0, 120).nullable(),
  ageMax: count(0, 120).nullable(),
  gender: z.enum(GENDERS, { error: 'invalid' }),
  languages: z.array(languageCode).min(1, { error: 'languages_required' }).max(10, { error: 'too_long' }),
  faith: z.string().trim().min(1, { error: 'required' }).max(100, { error: 'too_long' }),
  accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES, { error: 'invalid' })),
  cameraOptional: z.boolean(),
  maxSize: count(1, 10_000).nullable(),

  timeZone: z.string().refine(isTimeZone, { error: 'unknown_zone' }),
  venueName: shortText,
  street: shortText,
  city: shortText,
  province: shortText,
  postalCode: z.string().trim().max(20, { error: 'too_long' }).nullable().transform((s) => s || null),
  country: z.string().trim().max(2, { error: 'too_long' }).nullable().transform((s) => (s ? s.toUpperCase() : null)),
  latitude: z.number({ error: 'not_a_number' }).min(-90, { error: 'too_small' }).max(90, { error: 'too_large' }).nullable(),
  longitude: z.number({ error: 'not_a_number' }).min(-180, { error: 'too_small' }).max(180, { error: 'too_large' }).nullable(),
  onlineUrl: z
    .string()
    .trim()
    .max(500, { error: 'too_long' })
    .nullable()
    .transform((s) => s || null)
    .pipe(z.url({ protocol: /^https?$/, error: 'invalid_url' }).nullable()),
  contactEmail: z
    .string()
    .trim()
    .max(254, { error: 'invalid_email' })
    .nullable()
    .transform((s) => s || null)
    .pipe(z.email({ error: 'invalid_email' }).nullable()),
  contactPhone: z.string().trim().max(40, { error: 'too_long' }).nullable().transform((s) => s || null),

  signupCutoffMinutes: count(0, 60 * 24 * 30),
  sessionCapacity: count(1, 10_000).nullable(),
  intakeScreening: z.boolean(),
  attendanceTracked: z.boolean(),
  waitlistPromotion: z.enum(WAITLIST_PROMOTIONS, { error: 'invalid' }),
  walkIns: z.enum(WALK_IN_POLICIES, { error: 'invalid' }),
  autoAccept: z.boolean(),
  /** Closed groups: the facilitator calls each applicant, so the application form asks for a phone number. */
  callsApplicants: z.boolean(),
  autoApprove: z.boolean(),
  reminderHours: z.array(count(0, 24 * 14)).max(4, { error: 'too_long' }),

  /** Topic ids (sub-topics or top-level topics). */
  topicIds: z.array(z.uuid({ error: 'invalid' })).max(20, { error: 'too_long' }),
  /** Facilitator ids of the group's organization, in the order shown. */
  facilitatorIds: z.array(z.uuid({ error: 'invalid' })).max(20, { error: 'too_long' }),
});

export type GroupAttributes = z.output<typeof groupAttributes>;
export type GroupAttributesInput = z.input<typeof groupAttributes>;
/** Column attributes (everything but the linked topics and facilitators). */
export type GroupColumns = Omit<GroupAttributes, 'topicIds' | 'facilitatorIds'>;

/**
 * Rules that tie attributes together (the database enforces the same ones as constraints; this
 * says which field is wrong, in words). Returns issues with stable codes.
 */
export function attributeIssues(g: GroupColumns): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!g.titleEn && !g.titleFr) add('titleEn', 'title_required');
  if (g.kind === 'group_therapy' && g.leadership !== 'licensed') add('leadership', 'therapy_needs_licensed');
  if (g.kind === 'support_group' && g.leadership === 'licensed') add('leadership', 'support_not_licensed');
  if (g.kind === 'online_community' && g.format !== 'ongoing') add('format', 'community_is_ongoing');
  if (g.kind !== 'online_community' && g.format === 'ongoing') add('format', 'ongoing_is_community');
  if (g.kind === 'online_community' && g.delivery !== 'online') add('delivery', 'community_is_online');
  if (g.kind === 'workshop' && g.format === 'ongoing') add('format', 'workshop_format');
  if (g.format === 'drop_in' && !g.dropInStyle) add('dropInStyle', 'required');
  if (g.kind === 'workshop' && !g.workshopActivity) add('workshopActivity', 'required');
  if (g.costType === 'fee') {
    if (g.feeCents == null) add('feeCents', 'required');
    if (!g.feeCurrency) add('feeCurrency', 'required');
    if (!g.feePer) add('feePer', 'required');
  }
  if (g.ageMin != null && g.ageMax != null && g.ageMin > g.ageMax) add('ageMax', 'ages_order');
  if (g.reach === 'local' && g.regions.length === 0) add('regions', 'required');
  if ((g.latitude == null) !== (g.longitude == null)) add(g.latitude == null ? 'latitude' : 'longitude', 'required');
  return issues;
}

/**
 * Clears the values an attribute combination does not use, so that a row never carries leftovers
 * (a street for an online group, a drop-in style for a closed group, a fee or insurance receipts
 * for a free group): the table of what applies to what is in applicable.ts.
 */
export function normalizeColumns(g: GroupColumns): GroupColumns {
  return clearInapplicable(g);
}

/**
 * A title in a language means the group is offered in that language: when the languages are
 * given, they must include those of the titles (`languages` names the mismatch).
 */
export function titleLanguageIssues(g: Pick<GroupColumns, 'titleEn' | 'titleFr' | 'languages'>): Issue[] {
  const missing = titleLanguages(g).filter((l) => !g.languages.includes(l));
  return missing.length ? [{ path: 'languages', message: `title_language_${missing.join('_')}` }] : [];
}

/** The languages, with those of the titles added (for changes that give titles but not languages). */
export function withTitleLanguages(languages: string[], g: Pick<GroupColumns, 'titleEn' | 'titleFr'>): string[] {
  return [...languages, ...titleLanguages(g).filter((l) => !languages.includes(l))];
}

/** The values a new group starts with, before the organizer fills in the rest. */
export const NEW_GROUP_DEFAULTS: Omit<GroupColumns, 'kind' | 'leadership' | 'format' | 'delivery' | 'titleEn' | 'titleFr' | 'timeZone'> = {
  dropInStyle: null,
  reach: 'anywhere',
  regions: [],
  costType: 'free',
  feeCents: null,
  feeCurrency: null,
  feePer: null,
  suggestedDonationCents: null,
  insuranceReceipts: false,
  coveredByEn: null,
  coveredByFr: null,
  workshopActivity: null,
  noNeedToTalk: false,
  materialsEn: null,
  materialsFr: null,
  summaryEn: null,
  summaryFr: null,
  descriptionEn: null,
  descriptionFr: null,
  whatToExpectEn: null,
  whatToExpectFr: null,
  eligibilityEn: null,
  eligibilityFr: null,
  treatmentFocusEn: null,
  treatmentFocusFr: null,
  audienceEn: null,
  audienceFr: null,
  rulesEn: null,
  rulesFr: null,
  ageMin: null,
  ageMax: null,
  gender: 'any',
  languages: ['en'],
  faith: 'non_denominational',
  accessibility: [],
  cameraOptional: false,
  maxSize: null,
  venueName: null,
  street: null,
  city: null,
  province: null,
  postalCode: null,
  country: 'CA',
  latitude: null,
  longitude: null,
  onlineUrl: null,
  contactEmail: null,
  contactPhone: null,
  // Drop-ins take sign-ups until an hour before each session (the organizer can change it).
  signupCutoffMinutes: 60,
  sessionCapacity: null,
  intakeScreening: false,
  attendanceTracked: false,
  waitlistPromotion: 'automatic',
  walkIns: 'welcome',
  autoAccept: false,
  callsApplicants: false,
  autoApprove: false,
  reminderHours: [24, 1],
};

/** The editable columns of a stored group row. */
export function columnsOf(row: { [K in keyof GroupColumns]: unknown }): GroupColumns {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(groupAttributes.shape)) {
    if (key === 'topicIds' || key === 'facilitatorIds') continue;
    out[key] = (row as Record<string, unknown>)[key];
  }
  return out as GroupColumns;
}
