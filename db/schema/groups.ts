import {
  pgTable,
  text,
  timestamp,
  uuid,
  integer,
  boolean,
  doublePrecision,
  index,
  check,
  primaryKey,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  groupKind,
  leadership,
  groupFormat,
  dropInStyle,
  delivery,
  reach,
  costType,
  feePer,
  workshopActivity,
  groupStatus,
  promotionMode,
} from './enums';
import { organizations } from './organizations';
import { facilitators } from './facilitators';
import { topics } from './topics';

// A group, described on the independent axes of SPEC §1. Bilingual text lives in *_en / *_fr
// columns; either language may be missing (the editor flags it), but a title is required in one.
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The group's address in English (and in French when it has no French title).
    slug: text('slug').notNull().unique(),
    // The group's address in French, made from its French title. Old French addresses that used
    // the English slug redirect here. Lookups accept either slug (see core/groups/slugs.ts).
    slugFr: text('slug_fr').unique(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    status: groupStatus('status').notNull().default('draft'),

    kind: groupKind('kind').notNull(),
    leadership: leadership('leadership').notNull(),
    format: groupFormat('format').notNull(),
    dropInStyle: dropInStyle('drop_in_style'),
    delivery: delivery('delivery').notNull(),
    reach: reach('reach').notNull().default('anywhere'),
    // Region codes (ISO 3166-2 such as CA-ON) or municipality names for reach=local.
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),

    costType: costType('cost_type').notNull().default('free'),
    feeCents: integer('fee_cents'),
    feeCurrency: text('fee_currency'),
    feePer: feePer('fee_per'),
    suggestedDonationCents: integer('suggested_donation_cents'),
    insuranceReceipts: boolean('insurance_receipts').notNull().default(false),
    coveredByEn: text('covered_by_en'),
    coveredByFr: text('covered_by_fr'),

    workshopActivity: workshopActivity('workshop_activity'),
    noNeedToTalk: boolean('no_need_to_talk').notNull().default(false),
    materialsEn: text('materials_en'),
    materialsFr: text('materials_fr'),

    titleEn: text('title_en'),
    titleFr: text('title_fr'),
    summaryEn: text('summary_en'),
    summaryFr: text('summary_fr'),
    descriptionEn: text('description_en'),
    descriptionFr: text('description_fr'),
    whatToExpectEn: text('what_to_expect_en'),
    whatToExpectFr: text('what_to_expect_fr'),
    eligibilityEn: text('eligibility_en'),
    eligibilityFr: text('eligibility_fr'),
    treatmentFocusEn: text('treatment_focus_en'),
    treatmentFocusFr: text('treatment_focus_fr'),
    audienceEn: text('audience_en'),
    audienceFr: text('audience_fr'),
    rulesEn: text('rules_en'),
    rulesFr: text('rules_fr'),

    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    // 'any', 'women', 'men', 'nonbinary', 'women_and_nonbinary', 'men_and_nonbinary'
    gender: text('gender').notNull().default('any'),
    languages: text('languages').array().notNull().default(sql`'{en}'::text[]`),
    // 'non_denominational' or the name of a tradition.
    faith: text('faith').notNull().default('non_denominational'),
    accessibility: text('accessibility').array().notNull().default(sql`'{}'::text[]`),
    cameraOptional: boolean('camera_optional').notNull().default(false),
    maxSize: integer('max_size'),

    timeZone: text('time_zone').notNull(),
    venueName: text('venue_name'),
    street: text('street'),
    city: text('city'),
    province: text('province'),
    postalCode: text('postal_code'),
    country: text('country'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    // Never shown publicly: only to confirmed participants.
    onlineUrl: text('online_url'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),

    // Drop-in: minutes before start when sign-up closes (0 = until the start).
    signupCutoffMinutes: integer('signup_cutoff_minutes').notNull().default(1440),
    // Drop-in: default seats per session (null = unlimited).
    sessionCapacity: integer('session_capacity'),
    intakeScreening: boolean('intake_screening').notNull().default(false),
    attendanceTracked: boolean('attendance_tracked').notNull().default(false),
    waitlistPromotion: promotionMode('waitlist_promotion').notNull().default('automatic'),
    // Drop-ins: people who come without signing up are 'welcome' (added at the door even when the
    // seats are taken), welcome 'within_capacity' only (while seats are left), or 'none'.
    walkIns: text('walk_ins').notNull().default('welcome'),
    // Closed groups: accept applications automatically up to capacity.
    autoAccept: boolean('auto_accept').notNull().default(false),
    // Closed groups: the facilitator calls each applicant (the application form asks for a phone number).
    callsApplicants: boolean('calls_applicants').notNull().default(false),
    // Online communities: approve join requests automatically.
    autoApprove: boolean('auto_approve').notNull().default(false),
    reminderHours: integer('reminder_hours').array().notNull().default(sql`'{24,1}'::int[]`),

    publishedAt: timestamp('published_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.status, t.kind),
    check('groups_has_title', sql`coalesce(${t.titleEn}, ${t.titleFr}) is not null`),
    check(
      'groups_kind_leadership',
      sql`(${t.kind} <> 'group_therapy' or ${t.leadership} = 'licensed') and (${t.kind} <> 'support_group' or ${t.leadership} in ('peer', 'professional'))`,
    ),
    check(
      'groups_community_shape',
      sql`(${t.kind} = 'online_community') = (${t.format} = 'ongoing') and (${t.kind} <> 'online_community' or ${t.delivery} = 'online')`,
    ),
    check('groups_drop_in_style', sql`(${t.format} = 'drop_in') = (${t.dropInStyle} is not null)`),
    check('groups_workshop_activity', sql`(${t.kind} = 'workshop') = (${t.workshopActivity} is not null)`),
    check(
      'groups_fee',
      sql`(${t.costType} <> 'fee') or (${t.feeCents} is not null and ${t.feeCents} >= 0 and ${t.feeCurrency} is not null and ${t.feePer} is not null)`,
    ),
    check('groups_online_no_address', sql`${t.delivery} <> 'online' or ${t.street} is null`),
    check('groups_cutoff', sql`${t.signupCutoffMinutes} >= 0`),
    check('groups_capacity', sql`${t.sessionCapacity} is null or ${t.sessionCapacity} > 0`),
    check('groups_ages', sql`${t.ageMin} is null or ${t.ageMax} is null or ${t.ageMin} <= ${t.ageMax}`),
    check('groups_calls_applicants', sql`not ${t.callsApplicants} or ${t.format} = 'closed'`),
    check('groups_walk_ins', sql`${t.walkIns} in ('welcome', 'within_capacity', 'none')`),
  ],
);

export const groupTopics = pgTable(
  'group_topics',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.topicId] }), index().on(t.topicId)],
);

export const groupFacilitators = pgTable(
  'group_facilitators',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    facilitatorId: uuid('facilitator_id')
      .notNull()
      .references(() => facilitators.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.facilitatorId] }), index().on(t.facilitatorId)],
);
