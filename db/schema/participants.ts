import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { locale } from './enums';

// Someone who signs up or applies, identified by email, with no account needed. The manage link
// in every email carries a token whose hash is stored here.
export const participants = pgTable('participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Stored lower-cased; unique.
  email: text('email').notNull().unique(),
  locale: locale('locale').notNull().default('en'),
  manageTokenHash: text('manage_token_hash').unique(),
  // One-click unsubscribe (RFC 8058) from non-transactional mail such as reminders.
  unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
