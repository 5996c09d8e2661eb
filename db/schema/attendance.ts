import { pgTable, text, timestamp, uuid, unique, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { attendanceStatus } from './enums';
import { sessions } from './sessions';
import { participants } from './participants';
import { users } from './users';

// Who came to a session (check-in), recorded by an organizer: a mark for a person holding a place,
// or a walk-in at a drop-in session, known by the name or nickname they gave at the door (no
// email, no participant row; always present). Walk-ins take no seat: seats are for sign-ups.
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    // Null for a walk-in.
    participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
    walkInName: text('walk_in_name'),
    status: attendanceStatus('status').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    unique('attendance_session_participant').on(t.sessionId, t.participantId),
    index().on(t.participantId),
    check('attendance_person_or_walk_in', sql`(${t.participantId} is null) = (${t.walkInName} is not null)`),
    check('attendance_walk_in_present', sql`${t.walkInName} is null or ${t.status} = 'present'`),
  ],
);
