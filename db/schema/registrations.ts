import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { registrationStatus, applicationStatus, locale } from './enums';
import { sessions } from './sessions';
import { cohorts } from './cohorts';
import { participants } from './participants';
import { users } from './users';

export type Answers = Record<string, string | boolean>;

// A sign-up for one drop-in session. Waitlisted rows carry their place in line.
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    status: registrationStatus('status').notNull(),
    waitlistPosition: integer('waitlist_position'),
    // Name or nickname shown to organizers; never the email to other participants.
    displayName: text('display_name').notNull(),
    locale: locale('locale').notNull().default('en'),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    // Set while the person has not yet proven their address (decision 0010): the place (or place in
    // line) is theirs until then, and released by the worker after it.
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
  },
  (t) => [
    // One live place per person per session.
    uniqueIndex('registrations_one_per_person')
      .on(t.sessionId, t.participantId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('registrations_confirmed')
      .on(t.sessionId)
      .where(sql`${t.status} = 'confirmed'`),
    uniqueIndex('registrations_waitlist_order')
      .on(t.sessionId, t.waitlistPosition)
      .where(sql`${t.status} = 'waitlisted'`),
    index().on(t.participantId),
    index('registrations_holds')
      .on(t.holdExpiresAt)
      .where(sql`${t.holdExpiresAt} is not null`),
    check('registrations_waitlist_position', sql`(${t.status} = 'waitlisted') = (${t.waitlistPosition} is not null)`),
  ],
);

// Each session's waitlist in two numbers, kept by a trigger on `registrations` (migration 0008):
// how many people wait and the last ticket handed out. A sign-up reads them in O(1) under the
// session lock instead of counting a waitlist that can be thousands long. Narrow, with room left
// on each page so the updates stay heap-only.
export const sessionWaitlists = pgTable(
  'session_waitlists',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    waiting: integer('waiting').notNull().default(0),
    lastTicket: integer('last_ticket').notNull().default(0),
  },
);

// An application to a cohort of a closed group; the applicant commits to the whole sequence.
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    status: applicationStatus('status').notNull().default('applied'),
    waitlistPosition: integer('waitlist_position'),
    displayName: text('display_name').notNull(),
    locale: locale('locale').notNull().default('en'),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    // Given only when the group's facilitator calls applicants; seen by that group's organizers only.
    phone: text('phone'),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    // As for registrations: set until the applicant proves their address.
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('applications_one_per_person')
      .on(t.cohortId, t.participantId)
      .where(sql`${t.status} not in ('withdrawn', 'declined')`),
    uniqueIndex('applications_waitlist_order')
      .on(t.cohortId, t.waitlistPosition)
      .where(sql`${t.status} = 'waitlisted'`),
    index().on(t.participantId),
    index('applications_holds')
      .on(t.holdExpiresAt)
      .where(sql`${t.holdExpiresAt} is not null`),
    check('applications_waitlist_position', sql`(${t.status} = 'waitlisted') = (${t.waitlistPosition} is not null)`),
    check('applications_phone', sql`${t.phone} is null or char_length(${t.phone}) <= 40`),
  ],
);
