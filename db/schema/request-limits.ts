import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Counters of requests per client address or per recipient (core/limits/rate-limit.ts), kept in
// the database so that every app process counts together. A key names what is counted, with any
// email address in it hashed; a row counts the requests of its current window.
export const requestLimits = pgTable('request_limits', {
  key: text('key').primaryKey(),
  windowMs: integer('window_ms').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});
