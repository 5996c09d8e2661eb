import { pgTable, text, timestamp, uuid, index, uniqueIndex, check, pgEnum, boolean } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { groupKind, locale } from './enums';
import { users } from './users';
import { tsvector } from './group-search';

// Articles (SPEC §5): guides written by platform administrators. One article is one subject; each
// of its languages is a text of its own (slug, title, body), published or not on its own, and the
// two texts of an article are each other's translation.

export const articleStatus = pgEnum('article_status', ['draft', 'published']);
export const articleCommentStatus = pgEnum('article_comment_status', ['pending', 'approved', 'rejected', 'spam']);

export const articles = pgTable('articles', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Topic slugs of the taxonomy (SPEC §6) the article is about. */
  topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
  /** The kinds of group it is about. */
  kinds: groupKind('kinds').array().notNull().default(sql`'{}'::group_kind[]`),
  /** The guides Cercle ships with carry a key, so that start-up adds a missing one and never writes over an edited one. */
  seedKey: text('seed_key').unique(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const articleTexts = pgTable(
  'article_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    locale: locale('locale').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Markdown, rendered to sanitized HTML on display. */
    body: text('body').notNull(),
    authorName: text('author_name').notNull(),
    status: articleStatus('status').notNull().default('draft'),
    /** When it was first published (kept through an unpublish and a new publication). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** When subscribers were sent the new article (the worker does it once, after its first publication). */
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    /** When its words last changed. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Title, summary and body, stemmed in English and in French (core/search/bilingual-text.ts). */
    search: tsvector('search').notNull(),
  },
  (t) => [
    uniqueIndex().on(t.locale, t.slug),
    uniqueIndex().on(t.articleId, t.locale),
    index().on(t.locale, t.status, t.publishedAt),
    index('article_texts_search_idx').using('gin', t.search),
    check('article_texts_slug_shape', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 120`),
  ],
);

// Comments on an article's text, held until an administrator approves them.
export const articleComments = pgTable(
  'article_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    textId: uuid('text_id')
      .notNull()
      .references(() => articleTexts.id, { onDelete: 'cascade' }),
    nickname: text('nickname').notNull(),
    body: text('body').notNull(),
    status: articleCommentStatus('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderatedBy: text('moderated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index().on(t.textId, t.status, t.createdAt),
    index().on(t.status, t.createdAt),
    check('article_comments_length', sql`length(${t.body}) <= 4000 and length(${t.nickname}) <= 60`),
  ],
);

// People who asked for new articles by email: all of them, or those of some topics.
export const articleSubscribers = pgTable(
  'article_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    locale: locale('locale').notNull(),
    /** Topic slugs; empty for every new article. */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    /** Set when the person followed the link of the confirmation email (double opt-in). */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Stopped by the person; a stopped subscription is never written to again until they ask anew. */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('article_subscribers_email_idx').on(sql`lower(${t.email})`), index().on(t.active, t.confirmedAt)],
);
