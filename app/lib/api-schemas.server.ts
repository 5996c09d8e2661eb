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
import { apiWords } from './api-words';

// What the JSON API answers, as zod schemas. The serializers (api-serialize.server.ts) are typed by
// them, and the OpenAPI document (openapi.server.ts) is generated from them: one description of
// each answer. `.meta({ id })` names a schema in the document's components; `apiWords` names the
// words that describe it (i18n/locales/*/developers.ts).

const when = z.iso.datetime({ offset: true });
const day = z.iso.date();
const text = z.string().nullable();

export const bilingualJson = z
  .object({ en: text, fr: text })
  .meta({ id: 'Bilingual', ...apiWords('fields.bilingual') });

export const costJson = z
  .object({
    type: z.enum(COST_TYPES),
    amount_cents: z.number().int().nullable().meta(apiWords('fields.amountCents')),
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
    slug: z.string().meta(apiWords('fields.slug')),
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
    languages: z.array(z.string()).meta(apiWords('fields.languages')),
    cost: costJson,
    time_zone: z.string().meta(apiWords('fields.timeZone')),
    next_session_at: when.nullable(),
    next_cohort_starts_on: day.nullable(),
    organization: z.object({ slug: z.string(), name: bilingualJson, verified: z.boolean() }),
  })
  .meta({ id: 'GroupSummary' });

export const groupSearchHitJsonSchema = groupSummaryJsonSchema
  .extend({ distance_km: z.number().nullable().meta(apiWords('fields.distanceKm')) })
  .meta({ id: 'GroupSearchHit' });

const facetCounts = z
  .object(Object.fromEntries(FACETS.map((f) => [f, z.record(z.string(), z.number().int())])) as Record<(typeof FACETS)[number], z.ZodRecord<z.ZodString, z.ZodNumber>>)
  .meta({ id: 'FacetCounts', ...apiWords('fields.facets') });

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
      .meta(apiWords('fields.place')),
    corrected_query: z.string().nullable().meta(apiWords('fields.correctedQuery')),
    understood: z
      .object({ topics: z.array(z.string()), kinds: z.array(z.string()), crisis: z.boolean() })
      .nullable()
      .meta(apiWords('fields.understood')),
    facets: facetCounts.nullable(),
    suggestions: z
      .array(z.object({ filter: z.string(), total: z.number().int() }))
      .meta(apiWords('fields.suggestions')),
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
    seats_left: z.number().int().nullable().meta(apiWords('fields.seatsLeft')),
    waitlist_length: z.number().int(),
    cohort_id: z.uuid().nullable(),
    signup_open: z.boolean().meta(apiWords('fields.signupOpen')),
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
    rrule: z.string().meta(apiWords('fields.rrule')),
    starts_local: z.string().meta(apiWords('fields.startsLocal')),
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
    sessions: z.array(sessionJsonSchema).meta(apiWords('fields.sessions')),
    cohorts: z.array(cohortJsonSchema),
    schedules: z.array(scheduleJsonSchema),
    published_at: when.nullable(),
  })
  .meta({ id: 'Group', ...apiWords('fields.group') });

export const checkEmailJsonSchema = z
  .object({
    status: z.literal('check_email'),
    expires_in: z.number().int().meta(apiWords('fields.expiresIn')),
  })
  .meta({ id: 'CheckEmail', ...apiWords('fields.checkEmail') });

export const cancelJsonSchema = z
  .object({ cancelled: z.boolean(), promoted: z.number().int().meta(apiWords('fields.promoted')) })
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
  .meta({ id: 'Problem', ...apiWords('fields.problem') });

const clock = z.string().regex(/^\d{2}:\d{2}$/);

export const meetingGuideJsonSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    day: z.union([z.number().int().min(0).max(6), z.array(z.number().int().min(0).max(6))]).meta(apiWords('fields.meetingDay')),
    time: clock,
    end_time: clock,
    timezone: z.string().meta(apiWords('fields.timeZone')),
    types: z.array(z.string()).meta(apiWords('fields.meetingTypes')),
    notes: z.string().optional(),
    location: z.string().optional(),
    formatted_address: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    region: z.string().optional(),
    approximate: z.enum(['yes', 'no']).optional(),
    conference_url: z.url().optional().meta(apiWords('fields.conferenceUrl')),
    conference_url_notes: z.string().optional(),
    attendance_option: z.enum(DELIVERIES),
    group: z.string().optional(),
    url: z.url(),
    updated: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  })
  .meta({ id: 'MeetingGuideMeeting', ...apiWords('fields.meeting') });

/** The languages a request may ask its messages in. */
export const localeJson = z.enum(LOCALES);

/** The query of the open data feeds: the language of their text. */
export const feedQuery = z.object({ lang: localeJson.optional().meta(apiWords('params.feedLang')) });

/** The query of HSDS lists: the language, and pages (as HSDS's API has them). */
export const hsdsListQuery = feedQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).optional().meta(apiWords('params.page')),
  per_page: z.coerce.number().int().min(1).max(100).optional().meta(apiWords('params.hsdsPerPage')),
});
export const hsdsServicesQuery = hsdsListQuery.extend({ organization_id: z.uuid().optional().meta(apiWords('params.organizationId')) });

/** A page of an HSDS list (the `Page` of HSDS's API, with `contents`). */
export const hsdsPageJson = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      total_items: z.number().int(),
      total_pages: z.number().int(),
      page_number: z.number().int(),
      size: z.number().int(),
      first_page: z.boolean(),
      last_page: z.boolean(),
      empty: z.boolean(),
      contents: z.array(item),
    })
    .meta({ id });

export type GroupSummaryJson = z.output<typeof groupSummaryJsonSchema>;
export type GroupSearchHitJson = z.output<typeof groupSearchHitJsonSchema>;
export type GroupJson = z.output<typeof groupJsonSchema>;
export type MeetingGuideJson = z.output<typeof meetingGuideJsonSchema>;
