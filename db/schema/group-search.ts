import {
  pgTable,
  text,
  timestamp,
  uuid,
  integer,
  smallint,
  boolean,
  doublePrecision,
  index,
  customType,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { groupKind, leadership, groupFormat, delivery, costType } from './enums';
import { groups } from './groups';

/** A PostgreSQL full-text document (written with SQL expressions, never read back as a value). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// One denormalized row per *published* group, rebuilt by core/search/refresh-group-search.ts
// whenever a group, its topics, organization, facilitators, sessions or cohorts change (see
// docs/decisions/0002-search.md). Search and facet counts read this table alone, so they never
// join the dozen tables a group's searchable facts come from.
export const groupSearch = pgTable(
  'group_search',
  {
    groupId: uuid('group_id')
      .primaryKey()
      .references(() => groups.id, { onDelete: 'cascade' }),
    kind: groupKind('kind').notNull(),
    format: groupFormat('format').notNull(),
    leadership: leadership('leadership').notNull(),
    delivery: delivery('delivery').notNull(),
    costType: costType('cost_type').notNull(),
    // What one takes part for, in cents: 0 for free and pay-what-you-can, the fee otherwise.
    priceCents: integer('price_cents').notNull(),
    insuranceReceipts: boolean('insurance_receipts').notNull(),
    languages: text('languages').array().notNull(),
    // The group's topics and their parent topics (a parent filter finds sub-topic groups).
    topicIds: uuid('topic_ids').array().notNull(),
    accessibility: text('accessibility').array().notNull(),
    faith: text('faith').notNull(),
    gender: text('gender').notNull(),
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    // Bit d-1 set when upcoming sessions fall on ISO weekday d (1 = Monday), in the group's zone.
    days: smallint('days').notNull(),
    // Bits: 1 morning (before noon), 2 afternoon (noon–5 p.m.), 4 evening, in the group's zone.
    times: smallint('times').notNull(),
    // Next time one can start: next drop-in session, or first session of the next cohort open to
    // new members. `starts` keeps the later ones, so a query can look past a start that passed
    // since the last refresh.
    nextStart: timestamp('next_start', { withTimezone: true }),
    starts: timestamp('starts', { withTimezone: true }).array().notNull(),
    // Until when one can get in, as of the refresh: the last moment a drop-in session with a free
    // seat still takes sign-ups (its start less the cutoff), the end of the start day of the last
    // cohort taking applications with room, 'infinity' for an ongoing group (always open to join
    // requests), null when nothing is open. A query compares it with its own clock, so "has
    // places" turns false when that moment passes, whenever the row was refreshed.
    seatsUntil: timestamp('seats_until', { withTimezone: true }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // Whether the group's organization is verified by a platform administrator: search ("best
    // match") and the guide rank those groups first, without leaving the others out.
    orgVerified: boolean('org_verified').notNull().default(false),
    // Lower-case, accent-free titles (both languages), for typo tolerance.
    titleNorm: text('title_norm').notNull(),
    // English and French full text on accent-folded words, weighted: A titles, B topics,
    // organization and facilitators, C summaries and audience, D the rest.
    document: tsvector('document').notNull(),
    // The titles alone (English and French stems), small enough to rank thousands of matches fast.
    titleDocument: tsvector('title_document').notNull(),
    // The caller's clock at the refresh (every other column is "as of" that time).
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('group_search_document').using('gin', t.document),
    index('group_search_location').on(t.latitude, t.longitude),
    index('group_search_next_start').on(t.nextStart),
    index('group_search_published_at').on(t.publishedAt),
  ],
);

// Every word that appears in a published group's title (lower-case, accent-free), so that a
// mistyped word of a query can be matched to the nearest real one (pg_trgm + levenshtein).
export const searchWords = pgTable(
  'search_words',
  { word: text('word').primaryKey() },
  (t) => [index('search_words_trgm').using('gin', sql`${t.word} gin_trgm_ops`)],
);
