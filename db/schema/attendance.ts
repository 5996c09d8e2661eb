import { pgTable, text, timestamp, uuid, unique, index } from 'drizzle-orm/pg-core';
import { attendanceStatus } from './enums';
import { sessions } from './sessions';
import { participants } from './participants';
import { users } from './users';

// Who came to a session (check-in), recorded by an organizer.
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    status: attendanceStatus('status').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [unique('attendance_session_participant').on(t.sessionId, t.participantId), index().on(t.participantId)],
);
