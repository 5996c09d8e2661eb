import { pgTable, text, timestamp, uuid, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { locale } from './enums';
import { groups } from './groups';
import { users } from './users';

export const LISTING_REPORT_REASONS = ['wrong_information', 'not_running', 'inappropriate', 'safety', 'other'] as const;
export type ListingReportReason = (typeof LISTING_REPORT_REASONS)[number];

// "Report a problem with this listing": stored for platform moderators.
export const listingReports = pgTable(
  'listing_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: LISTING_REPORT_REASONS }).notNull(),
    details: text('details'),
    // Optional, so that moderators can answer; never shown to anyone else.
    reporterEmail: text('reporter_email'),
    locale: locale('locale').notNull().default('en'),
    status: text('status', { enum: ['open', 'resolved', 'dismissed'] })
      .notNull()
      .default('open'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.status, t.createdAt),
    index().on(t.groupId),
    check('listing_reports_details_length', sql`${t.details} is null or length(${t.details}) <= 4000`),
  ],
);
