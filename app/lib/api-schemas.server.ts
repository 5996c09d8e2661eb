import { z } from 'zod';
import {
  ACCESSIBILITY_FEATURES,
  COST_TYPES,
  DELIVERIES,
  DROP_IN_STYLES,
  GROUP_FORMATS,
  GROUP_KINDS,
  LEADERSHIPS,
  LOCALES,
  SESSION_STATUSES,
  WORKSHOP_ACTIVITIES,
} from '../../db/schema/values';
import { FACETS, SORTS } from '../../core/search/search-input';

// What the JSON API answers, as zod schemas. The serializers (api-serialize.server.ts) are typed by
// them, and the OpenAPI document (openapi.server.ts) is generated from them: one description of
// each answer. `.meta({ id })` names a schema in the document's components.

const when = z.iso.datetime({ offset: true });
const day = z.iso.date();
const text = z.string().nullable();

export const bilingualJson = z
  .object({ en: text, fr: text })
  .meta({ id: 'Bilingual', description: 'Text in English, French, or both (null where not written in that language).' });

export const costJson = z
  .object({
    type: z.enum(COST_TYPES),
    amount_cents: z.number().int().nullable().meta({ description: 'The fee, in cents of `currency` (fee only).' }),
    currency: z.string().nullable(),
    per: z.enum(['session', 'program']).nullable(),
    suggested_donation_cents: z.number().int().nullable(),
    insurance_receipts: z.boolean(),
    covered_by: bilingualJson,
  })
  .meta({ id: 'Cost' });

export const groupSummaryJsonSchema = z
  .object({
    id: z.uuid(),
    slug: z.string().meta({ description: 'The English address of the group (`slugs` has both).' }),
    slugs: z.object({ en: z.string(), fr: z.string() }),
    title: bilingualJson,
    summary: bilingualJson,
    kind: z.enum(GROUP_KINDS),
    leadership: z.enum(LEADERSHIPS),
    format: z.enum(GROUP_FORMATS),
    drop_in_style: z.enum(DROP_IN_STYLES).nullable(),
    delivery: z.enum(DELIVERIES),
    workshop_activity: z.enum(WORKSHOP_ACTIVITIES).nullable(),
    city: z.string().nullable(),
    province: z.string().nullable(),
    languages: z.array(z.string()).meta({ description: 'ISO 639-1 codes of the languages the group is held in.' }),
    cost: costJson,
    time_zone: z.string().meta({ description: 'IANA time zone of the group.' }),
    next_session_at: when.nullable(),
    next_cohort_starts_on: day.nullable(),
    organization: z.object({ slug: z.string(), name: bilingualJson, verified: z.boolean() }),
  })
  .meta({ id: 'GroupSummary' });

export const groupSearchHitJsonSchema = groupSummaryJsonSchema
  .extend({ distance_km: z.number().nullable().meta({ description: 'Kilometres from the place searched near.' }) })
  .meta({ id: 'GroupSearchHit' });

const facetCounts = z
  .object(Object.fromEntries(FACETS.map((f) => [f, z.record(z.string(), z.number().int())])) as Record<(typeof FACETS)[number], z.ZodRecord<z.ZodString, z.ZodNumber>>)
  .meta({ id: 'FacetCounts', description: 'For each filter, how many groups each of its values would find, counting every other filter.' });

export const groupSearchJsonSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    per_page: z.number().int(),
    pages: z.number().int(),
    sort: z.enum(SORTS),
    place: z
      .object({ label: z.string(), latitude: z.number(), longitude: z.number(), alternatives: z.array(z.string()) })
      .nullable()
      .meta({ description: 'The place searched near, as it was found.' }),
    corrected_query: z.string().nullable().meta({ description: 'The words as typos were read ("greif" → "grief").' }),
    understood: z
      .object({ topics: z.array(z.string()), kinds: z.array(z.string()), crisis: z.boolean() })
      .nullable()
      .meta({ description: 'What the words were read as; `literal=true` searches the words alone.' }),
    facets: facetCounts.nullable(),
    suggestions: z
      .array(z.object({ filter: z.string(), total: z.number().int() }))
      .meta({ description: 'With no result: how many groups each active filter, taken away, would give.' }),
    results: z.array(groupSearchHitJsonSchema),
  })
  .meta({ id: 'GroupSearch' });

export const sessionJsonSchema = z
  .object({
    id: z.uuid(),
    starts_at: when,
    ends_at: when,
    status: z.enum(SESSION_STATUSES),
    status_reason: z.string().nullable(),
    topic: bilingualJson,
    speaker: z.object({ name: z.string(), bio: bilingualJson }).nullable(),
    capacity: z.number().int().nullable(),
    seats_left: z.number().int().nullable().meta({ description: 'Null when the session has no limit.' }),
    waitlist_length: z.number().int(),
    cohort_id: z.uuid().nullable(),
    signup_open: z.boolean().meta({ description: 'A drop-in session that takes sign-ups now.' }),
  })
  .meta({ id: 'Session' });

export const cohortJsonSchema = z
  .object({
    id: z.uuid(),
    starts_on: day,
    ends_on: day,
    session_count: z.number().int(),
    status: z.enum(['open', 'confirmed', 'postponed', 'cancelled', 'completed']),
    capacity: z.number().int().nullable(),
    accepted: z.number().int(),
    minimum: z.number().int().nullable(),
    late_join_until_session: z.number().int(),
    modules: z.array(z.object({ position: z.number().int(), title: bilingualJson, summary: bilingualJson })),
  })
  .meta({ id: 'Cohort' });

export const scheduleJsonSchema = z
  .object({
    id: z.uuid(),
    rrule: z.string().meta({ description: 'RFC 5545 recurrence rule, evaluated in the group’s time zone.' }),
    starts_local: z.string().meta({ description: 'Local start of the first occurrence, `YYYY-MM-DDTHH:mm:ss`.' }),
    duration_minutes: z.number().int(),
    until_local: z.string().nullable(),
    exceptions_local: z.array(z.string()),
  })
  .meta({ id: 'Schedule' });

export const groupJsonSchema = groupSummaryJsonSchema
  .extend({
    description: bilingualJson,
    what_to_expect: bilingualJson,
    eligibility: bilingualJson,
    treatment_focus: bilingualJson,
    audience: bilingualJson,
    materials: bilingualJson,
    rules: bilingualJson,
    reach: z.enum(['local', 'anywhere']),
    regions: z.array(z.string()),
    age_min: z.number().int().nullable(),
    age_max: z.number().int().nullable(),
    gender: z.string(),
    faith: z.string(),
    accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)),
    camera_optional: z.boolean(),
    no_need_to_talk: z.boolean(),
    max_size: z.number().int().nullable(),
    intake_screening: z.boolean(),
    signup_cutoff_minutes: z.number().int(),
    venue: z
      .object({
        name: z.string().nullable(),
        street: z.string().nullable(),
        city: z.string().nullable(),
        province: z.string().nullable(),
        postal_code: z.string().nullable(),
        country: z.string().nullable(),
        latitude: z.number().nullable(),
        longitude: z.number().nullable(),
      })
      .nullable(),
    contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
    topics: z.array(z.object({ slug: z.string(), label: bilingualJson, parent: z.string().nullable() })),
    facilitators: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        leadership: z.string(),
        credentials: bilingualJson,
        licence_verified: z.boolean(),
        licence: z.object({ body: z.string(), jurisdiction: z.string(), number: z.string() }).nullable(),
      }),
    ),
    sessions: z.array(sessionJsonSchema).meta({ description: 'Upcoming sessions, soonest first (at most 50).' }),
    cohorts: z.array(cohortJsonSchema),
    schedules: z.array(scheduleJsonSchema),
    published_at: when.nullable(),
  })
  .meta({ id: 'Group', description: 'A published group. The online meeting link is never here: confirmed participants get it by email.' });

export const checkEmailJsonSchema = z
  .object({
    status: z.literal('check_email'),
    expires_in: z.number().int().meta({ description: 'Seconds during which the place is held for the emailed link.' }),
  })
  .meta({
    id: 'CheckEmail',
    description: 'The same answer for every valid sign-up, whatever the address: what happened goes to the address only.',
  });

export const cancelJsonSchema = z
  .object({ cancelled: z.boolean(), promoted: z.number().int().meta({ description: 'People moved up from the waiting list.' }) })
  .meta({ id: 'Cancellation' });

export const problemJsonSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem, in the language of `locale` or `Accept-Language`.' });

/** The languages a request may ask its messages in. */
export const localeJson = z.enum(LOCALES);

export type GroupSummaryJson = z.output<typeof groupSummaryJsonSchema>;
export type GroupSearchHitJson = z.output<typeof groupSearchHitJsonSchema>;
export type GroupJson = z.output<typeof groupJsonSchema>;
