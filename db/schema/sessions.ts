import { pgTable, text, timestamp, uuid, integer, boolean, index, check, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sessionStatus } from './enums';
import { groups } from './groups';
import { schedules } from './schedules';
import { cohorts, modules } from './cohorts';

// One meeting of a group. Drop-in sessions take sign-ups; cohort sessions belong to a cohort and
// may carry one of its modules.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    scheduleId: uuid('schedule_id').references(() => schedules.id, { onDelete: 'set null' }),
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id').references(() => modules.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: sessionStatus('status').notNull().default('scheduled'),
    statusReason: text('status_reason'),
    // For a postponed session: when it was first planned.
    originalStartsAt: timestamp('original_starts_at', { withTimezone: true }),
    // Seats for this session (null = the group's default, which may be unlimited).
    capacity: integer('capacity'),
    topicEn: text('topic_en'),
    topicFr: text('topic_fr'),
    speakerName: text('speaker_name'),
    speakerBioEn: text('speaker_bio_en'),
    speakerBioFr: text('speaker_bio_fr'),
    // Null = the group's languages.
    languages: text('languages').array(),
    makeUpForSessionId: uuid('make_up_for_session_id').references((): AnyPgColumn => sessions.id, {
      onDelete: 'set null',
    }),
    isExtra: boolean('is_extra').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.groupId, t.startsAt),
    index().on(t.startsAt),
    index().on(t.cohortId),
    check('sessions_time_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('sessions_capacity', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);
