import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  /**
   * When the person first used a link that only their emails carry (their person link): proof that
   * they control the address (docs/decisions/0010-proof-of-email.md). Null until then.
   */
  emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
  /**
   * The person's private calendar feed of their sessions: its links carry this number, signed
   * (core/participants/calendar-feed.ts). Above 0: the link of that number works; 0 or below: no
   * link works (never made, or stopped: the next one gets a new number, so old links stay dead).
   */
  calendarFeed: integer('calendar_feed').notNull().default(0),
  /**
   * Discreet mode (issue 36): emails' subjects and previews and calendar entries say nothing of the
   * group, its topic or its organization. Read when each email is sent, so a change applies to
   * every email not sent yet.
   */
  discreet: boolean('discreet').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
