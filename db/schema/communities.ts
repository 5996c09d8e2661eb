import { pgTable, text, timestamp, uuid, integer, jsonb, boolean, index, uniqueIndex, check, foreignKey, primaryKey, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { communityMemberStatus, communityReportOutcome, communityReportReason, communityRole, locale, reactionKind } from './enums';
import { groups } from './groups';
import { users } from './users';
import { tsvector } from './group-search';
import type { Answers } from './registrations';

// An online community is a published group of kind `online_community`: its description, rules
// (rules_en/fr), membership questions (intake_questions) and auto-approval (auto_approve) are the
// group's. These tables hold who belongs to it and what they write.

/** A person's request to join a community and, once approved, their membership. */
export const communityMembers = pgTable(
  'community_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: communityMemberStatus('status').notNull(),
    role: communityRole('role').notNull().default('member'),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    /** The language the person asked in: the decision is emailed in it. */
    locale: locale('locale').notNull().default('en'),
    rulesAcceptedAt: timestamp('rules_accepted_at', { withTimezone: true }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /** Given to the person with a decline, in the moderator's words. */
    declineReason: text('decline_reason'),
    leftAt: timestamp('left_at', { withTimezone: true }),
    /** A muted member reads but does not write until then; the reason is shown to them. */
    mutedUntil: timestamp('muted_until', { withTimezone: true }),
    /** Why a moderator muted or banned the person (status `banned`), in the moderator's words. */
    sanctionReason: text('sanction_reason'),
    /** Emails the member chose for this community: replies to what they wrote, a daily digest of new posts. */
    notifyReplies: boolean('notify_replies').notNull().default(true),
    digest: boolean('digest').notNull().default(false),
    /** Until when the digest has told them about new posts (it starts at their joining). */
    digestUntil: timestamp('digest_until', { withTimezone: true }),
    /** The member turned private messages off: nobody may start or continue a conversation with them. */
    messagesOff: boolean('messages_off').notNull().default(false),
    /** Emails about new private messages (never with their text). */
    notifyMessages: boolean('notify_messages').notNull().default(true),
  },
  (t) => [
    uniqueIndex('community_members_one_per_person').on(t.groupId, t.userId),
    index('community_members_pending').on(t.groupId, t.requestedAt).where(sql`${t.status} = 'pending'`),
    index('community_members_digest').on(t.digestUntil).where(sql`${t.digest} and ${t.status} = 'member'`),
    index().on(t.userId),
    check('community_members_decline_reason', sql`${t.declineReason} is null or char_length(${t.declineReason}) <= 1000`),
    check('community_members_sanction_reason', sql`${t.sanctionReason} is null or char_length(${t.sanctionReason}) <= 1000`),
  ],
);

/** A post in a community. A deleted post keeps its row (its comments stay in place) but not its text. */
export const communityPosts = pgTable(
  'community_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** Null once the author deleted their account and chose to leave their words: "Deleted member". */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Shown as "Anonymous member"; only moderators and the organization's admins see the author. */
    anonymous: boolean('anonymous').notNull().default(false),
    /** As written (Markdown subset); `html` is its sanitized rendering. */
    body: text('body').notNull(),
    html: text('html').notNull(),
    /** The words of the post for the community's search, in English and French (searchDocument). */
    search: tsvector('search'),
    /** Crisis language was found: the author was shown resources; moderators see it first. */
    crisis: boolean('crisis').notNull().default(false),
    commentCount: integer('comment_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Removed by a moderator: hidden from the others, kept (for its author and a restore) with the reason given. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: text('removed_by').references(() => users.id, { onDelete: 'set null' }),
    removalReason: text('removal_reason'),
    /** The post's or its latest comment's time: the "recently active" order. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // NULLS FIRST is what ORDER BY … DESC means: only then does the index give the feed its order.
    index('community_posts_newest').on(t.groupId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index('community_posts_active').on(t.groupId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index('community_posts_crisis').on(t.groupId, t.createdAt).where(sql`${t.crisis} and ${t.deletedAt} is null`),
    index('community_posts_search').using('gin', t.search),
    index().on(t.authorId),
    check('community_posts_body', sql`${t.deletedAt} is not null or char_length(${t.body}) between 1 and 10000`),
  ],
);

/** A comment on a post, or a reply to a comment (one level: a reply's parent is a comment without one). */
export const communityComments = pgTable(
  'community_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    /** Null once the author deleted their account and chose to leave their words: "Deleted member". */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    anonymous: boolean('anonymous').notNull().default(false),
    body: text('body').notNull(),
    html: text('html').notNull(),
    search: tsvector('search'),
    crisis: boolean('crisis').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Removed by a moderator: hidden from the others, kept (for its author and a restore) with the reason given. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: text('removed_by').references(() => users.id, { onDelete: 'set null' }),
    removalReason: text('removal_reason'),
  },
  (t) => [
    foreignKey({ name: 'community_comments_parent', columns: [t.parentId], foreignColumns: [t.id] }).onDelete('cascade'),
    index().on(t.postId, t.createdAt),
    index().on(t.authorId),
    index().on(t.parentId),
    index('community_comments_search').using('gin', t.search),
    check('community_comments_body', sql`${t.deletedAt} is not null or char_length(${t.body}) between 1 and 5000`),
  ],
);

/** One reaction of one person to a post or a comment, from a fixed set. */
export const communityReactions = pgTable(
  'community_reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id').references(() => communityPosts.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => communityComments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: reactionKind('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('community_reactions_one_target', sql`(${t.postId} is null) <> (${t.commentId} is null)`),
    uniqueIndex('community_reactions_post_once').on(t.postId, t.userId, t.kind).where(sql`${t.postId} is not null`),
    uniqueIndex('community_reactions_comment_once').on(t.commentId, t.userId, t.kind).where(sql`${t.commentId} is not null`),
    index().on(t.userId),
  ],
);

/**
 * A report to a community's moderators about a post, a comment or a member (exactly one), by a
 * member — or by the crisis words (`crisis`, no reporter). Open until a moderator decides.
 */
export const communityReports = pgTable(
  'community_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => communityPosts.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => communityComments.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => communityMembers.id, { onDelete: 'cascade' }),
    /** A private message, reported by the member who received it: the only way moderators see one. */
    messageId: uuid('message_id').references((): AnyPgColumn => communityMessages.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: communityReportReason('reason').notNull(),
    details: text('details'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    outcome: communityReportOutcome('outcome'),
  },
  (t) => [
    check('community_reports_one_target', sql`num_nonnulls(${t.postId}, ${t.commentId}, ${t.memberId}, ${t.messageId}) = 1`),
    check('community_reports_details', sql`${t.details} is null or char_length(${t.details}) <= 1000`),
    index('community_reports_open').on(t.groupId, t.createdAt).where(sql`${t.resolvedAt} is null`),
    index().on(t.postId),
    index().on(t.commentId),
    index().on(t.memberId),
    index().on(t.messageId),
    index().on(t.reporterId),
  ],
);

/**
 * An image attached to a post: re-encoded to WebP without its metadata, kept in the file store
 * under `storage_key`, served to those who may read the post only.
 */
export const communityImages = pgTable(
  'community_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPosts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** What the image shows, in its author's words, for people who cannot see it. */
    alt: text('alt'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.postId, t.position), check('community_images_alt', sql`${t.alt} is null or char_length(${t.alt}) <= 500`)],
);

/**
 * What a member chose to tell of their experience in one community, to be found by people who
 * lived something close: topics of the taxonomy, a year, a region (a province or territory).
 * Nothing here is shown unless `findable`, and then only the parts the member chose to show.
 */
export const communityProfiles = pgTable(
  'community_profiles',
  {
    memberId: uuid('member_id')
      .primaryKey()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    findable: boolean('findable').notNull().default(false),
    topicIds: uuid('topic_ids').array().notNull().default(sql`'{}'::uuid[]`),
    year: integer('year'),
    region: text('region'),
    showTopics: boolean('show_topics').notNull().default(true),
    showYear: boolean('show_year').notNull().default(true),
    showRegion: boolean('show_region').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('community_profiles_findable').on(t.groupId).where(sql`${t.findable}`),
    check('community_profiles_topics', sql`cardinality(${t.topicIds}) <= 5`),
    check('community_profiles_year', sql`${t.year} is null or ${t.year} between 1900 and 2100`),
  ],
);

/** A one-to-one conversation between two members of a community (`memberA` < `memberB`). */
export const communityConversations = pgTable(
  'community_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    memberA: uuid('member_a')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    memberB: uuid('member_b')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('community_conversations_pair').on(t.memberA, t.memberB),
    index().on(t.memberB),
    check('community_conversations_order', sql`${t.memberA} < ${t.memberB}`),
  ],
);

/** A private message. Only its two members read it; moderators, only when it is reported. */
export const communityMessages = pgTable(
  'community_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => communityConversations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.conversationId, t.createdAt), check('community_messages_body', sql`char_length(${t.body}) between 1 and 4000`)],
);

/** A member who blocked another: the blocked one can neither message nor find them. */
export const communityBlocks = pgTable(
  'community_blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => communityMembers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index().on(t.blockedId)],
);
