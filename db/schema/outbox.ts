import { pgTable, text, timestamp, uuid, integer, boolean, jsonb, index } from 'drizzle-orm/pg-core';
import { outboxStatus, locale } from './enums';

// Emails are written here in the same transaction as the change that causes them, then delivered
// by a worker with retries. The idempotency key makes each message unique: it is sent once.
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    toEmail: text('to_email').notNull(),
    // Where replies go (Reply-To): the organization's contact address, for mail written on behalf
    // of organizers; null = no Reply-To (the sender's address).
    replyTo: text('reply_to'),
    locale: locale('locale').notNull(),
    template: text('template').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    transactional: boolean('transactional').notNull().default(true),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_outbox_due').on(t.status, t.nextAttemptAt)],
);
