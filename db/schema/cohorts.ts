import { pgTable, text, timestamp, uuid, integer, date, index, check, unique } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { cohortStatus } from './enums';
import { groups } from './groups';

// One run of a closed group's program: fixed dates, fixed members, ordered modules.
export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    sessionCount: integer('session_count').notNull(),
    capacity: integer('capacity'),
    minimumParticipants: integer('minimum_participants'),
    // When the minimum is checked: below it the cohort is postponed, otherwise confirmed.
    decisionAt: timestamp('decision_at', { withTimezone: true }),
    // Enrollment stays open until after session K (0 = closes at the first session).
    lateJoinUntilSession: integer('late_join_until_session').notNull().default(0),
    status: cohortStatus('status').notNull().default('open'),
    postponedFromStartsOn: date('postponed_from_starts_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.groupId, t.startsOn),
    check('cohorts_dates', sql`${t.startsOn} <= ${t.endsOn}`),
    check('cohorts_session_count', sql`${t.sessionCount} > 0`),
    check('cohorts_capacity', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check(
      'cohorts_minimum',
      sql`${t.minimumParticipants} is null or (${t.minimumParticipants} > 0 and (${t.capacity} is null or ${t.minimumParticipants} <= ${t.capacity}) and ${t.decisionAt} is not null)`,
    ),
    check('cohorts_late_join', sql`${t.lateJoinUntilSession} >= 0`),
  ],
);

export const modules = pgTable(
  'modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleEn: text('title_en'),
    titleFr: text('title_fr'),
    summaryEn: text('summary_en'),
    summaryFr: text('summary_fr'),
  },
  (t) => [
    unique('modules_cohort_position').on(t.cohortId, t.position),
    check('modules_has_title', sql`coalesce(${t.titleEn}, ${t.titleFr}) is not null`),
  ],
);
