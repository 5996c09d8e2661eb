import { pgTable, text, timestamp, uuid, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { leadership, verificationStatus } from './enums';
import { organizations } from './organizations';
import { users } from './users';

// A person who leads groups. A licensed facilitator's licence (number, regulatory body,
// jurisdiction) must be verified by a platform administrator before they can run group therapy.
export const facilitators = pgTable(
  'facilitators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull(),
    leadership: leadership('leadership').notNull(),
    credentialsEn: text('credentials_en'),
    credentialsFr: text('credentials_fr'),
    bioEn: text('bio_en'),
    bioFr: text('bio_fr'),
    licenceNumber: text('licence_number'),
    licenceBody: text('licence_body'),
    licenceJurisdiction: text('licence_jurisdiction'),
    licenceStatus: verificationStatus('licence_status').notNull().default('unverified'),
    licenceReviewedAt: timestamp('licence_reviewed_at', { withTimezone: true }),
    licenceReviewedBy: text('licence_reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    licenceReviewNote: text('licence_review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organizationId),
    // A licence can only be verified when all three parts of it are known.
    check(
      'facilitators_verified_licence_complete',
      sql`${t.licenceStatus} <> 'verified' or (${t.licenceNumber} is not null and ${t.licenceBody} is not null and ${t.licenceJurisdiction} is not null)`,
    ),
  ],
);
