import { pgTable, text, timestamp, uuid, integer, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { groups } from './groups';
import { cohorts } from './cohorts';

// A recurring schedule: an RFC 5545 RRULE evaluated in the group's IANA time zone, starting at a
// local wall-clock time. Exceptions are local start times that are skipped. One-off extra sessions
// are rows in `sessions` without a schedule. In a closed group a schedule may belong to one
// cohort (only that cohort's sessions come from it); without a cohort it serves every cohort.
export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
    // e.g. FREQ=WEEKLY;BYDAY=TU or FREQ=MONTHLY;BYDAY=2TH (no DTSTART: see startsLocal)
    rrule: text('rrule').notNull(),
    // Local wall-clock time of the first occurrence, in the group's time zone.
    startsLocal: timestamp('starts_local', { withTimezone: false, mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    untilLocal: timestamp('until_local', { withTimezone: false, mode: 'string' }),
    exceptionsLocal: timestamp('exceptions_local', { withTimezone: false, mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::timestamp[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.groupId), index().on(t.cohortId), check('schedules_duration', sql`${t.durationMinutes} > 0`)],
);
