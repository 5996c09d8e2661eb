import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { communityComments, communityPosts, communityReactions, REACTION_KINDS, users, type ReactionKind } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { Invalid, NotFound } from '../errors';
import { allows, requireCommunity, type CommunityAccess } from './access';
import { imagesOf, type ImageView } from './images';
import { bilingualQuery } from '../search/bilingual-text';

// Reading a community (members, and the organization's owners and admins). What a reader sees of
// an author: their nickname, or nothing at all for an anonymous post or comment — neither name,
// nickname, email nor id. Only those who may moderate see who wrote an anonymous one.

export interface AuthorView {
  /** The author's nickname; null when anonymous (or no nickname was ever given). */
  nickname: string | null;
  anonymous: boolean;
  /** Whether the reader wrote it (they may edit and delete it). */
  mine: boolean;
  /** For moderators only: who wrote an anonymous post or comment. */
  revealedNickname?: string | null;
  /** The author deleted their account and left their words: shown as "Deleted member". */
  deletedMember?: true;
}

export type Reactions = Record<ReactionKind, number>;

export interface PostView {
  id: string;
  html: string;
  /** The text as its author typed it, for the author only (to edit it). */
  body?: string;
  author: AuthorView;
  createdAt: Date;
  editedAt: Date | null;
  lastActivityAt: Date;
  commentCount: number;
  reactions: Reactions;
  myReactions: ReactionKind[];
  /** Moderators only: crisis language was found in it. */
  crisis?: boolean;
  /** Removed by a moderator, with their reason: only its author and the moderators still see it. */
  removed?: { reason: string | null };
  images: ImageView[];
}

export interface CommentView {
  id: string;
  /** Empty when deleted (a deleted comment stays as a mark while it has replies). */
  html: string;
  /** The text as its author typed it, for the author only (to edit it). */
  body?: string;
  deleted: boolean;
  author: AuthorView | null;
  createdAt: Date;
  editedAt: Date | null;
  reactions: Reactions;
  myReactions: ReactionKind[];
  crisis?: boolean;
  removed?: { reason: string | null };
  replies: CommentView[];
}

export const FEED_PAGE = 20;

export const listFeedInput = z.object({
  community: z.string().min(1).max(200),
  order: z.enum(['newest', 'active']).default('newest'),
  /** From the previous page's `next`. */
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(FEED_PAGE),
});

/** A page of a community's posts, newest or most recently active first (keyset pagination). */
export async function listFeed({ ctx, input }: { ctx: Context; input: z.input<typeof listFeedInput> }) {
  const q = parseInput(listFeedInput, input);
  const access = await requireCommunity(ctx, q.community, 'community.read');
  const column = q.order === 'active' ? communityPosts.lastActivityAt : communityPosts.createdAt;
  const cursor = q.after ? readCursor(q.after) : null;
  const rows = await ctx.db
    .select({ p: communityPosts, nickname: users.nickname })
    .from(communityPosts)
    .leftJoin(users, eq(users.id, communityPosts.authorId))
    .where(
      and(
        readablePosts(access),
        cursor ? or(lt(column, cursor.at), and(eq(column, cursor.at), lt(communityPosts.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(column), desc(communityPosts.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const [reactions, images] = await Promise.all([reactionsOf(ctx, access, { posts: page.map((r) => r.p.id) }), imagesOf(ctx, page.map((r) => r.p.id))]);
  const last = page.at(-1)?.p;
  return {
    posts: page.map(({ p, nickname }) => postView(access, p, nickname, reactions, images)),
    next: rows.length > q.limit && last ? writeCursor(q.order === 'active' ? last.lastActivityAt : last.createdAt, last.id) : null,
  };
}

export const searchCommunityInput = z.object({
  community: z.string().min(1).max(200),
  q: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(FEED_PAGE),
});

/**
 * A community's posts whose words, or the words of one of their replies, match what the reader
 * typed — in English and in French, as groups are searched — best match first. For those who
 * may read the community; only what they could read anyway (no deleted post, no removed one but
 * their own). Authors' names are not searched: an anonymous author cannot be found by name.
 */
export async function searchCommunity({ ctx, input }: { ctx: Context; input: z.input<typeof searchCommunityInput> }) {
  const q = parseInput(searchCommunityInput, input);
  const access = await requireCommunity(ctx, q.community, 'community.read');
  // A sub-select is evaluated once per statement (unaccent() is not immutable).
  const query = sql`(select ${bilingualQuery(q.q)})`;
  const liveComment = sql`${communityComments.postId} = ${communityPosts.id} and ${communityComments.deletedAt} is null and ${communityComments.removedAt} is null and ${communityComments.search} @@ ${query}`;
  const rows = await ctx.db
    .select({
      p: communityPosts,
      nickname: users.nickname,
      hits: sql<number>`(select count(*)::int from ${communityComments} where ${liveComment})`,
    })
    .from(communityPosts)
    .leftJoin(users, eq(users.id, communityPosts.authorId))
    .where(
      and(readablePosts(access), or(sql`${communityPosts.search} @@ ${query}`, sql`exists (select 1 from ${communityComments} where ${liveComment})`)),
    )
    .orderBy(sql`ts_rank(coalesce(${communityPosts.search}, ''::tsvector), ${query}) desc`, desc(communityPosts.createdAt))
    .limit(q.limit);
  const ids = rows.map((r) => r.p.id);
  const [reactions, images] = await Promise.all([reactionsOf(ctx, access, { posts: ids }), imagesOf(ctx, ids)]);
  return { posts: rows.map(({ p, nickname, hits }) => ({ ...postView(access, p, nickname, reactions, images), matchingReplies: hits })) };
}

export const getPostInput = z.object({ postId: z.uuid() });

/** One post with its comments, replies under the comment they answer, oldest first. */
export async function getPost({ ctx, input }: { ctx: Context; input: z.input<typeof getPostInput> }) {
  const q = parseInput(getPostInput, input);
  const [found] = await ctx.db
    .select({ p: communityPosts, nickname: users.nickname })
    .from(communityPosts)
    .leftJoin(users, eq(users.id, communityPosts.authorId))
    .where(and(eq(communityPosts.id, q.postId), isNull(communityPosts.deletedAt)));
  if (!found) throw new NotFound('post');
  const access = await requireCommunity(ctx, found.p.groupId, 'community.read');
  if (found.p.removedAt && !seesRemoved(access, found.p)) throw new NotFound('post');
  const comments = await ctx.db
    .select({ c: communityComments, nickname: users.nickname })
    .from(communityComments)
    .leftJoin(users, eq(users.id, communityComments.authorId))
    .where(eq(communityComments.postId, found.p.id))
    .orderBy(asc(communityComments.createdAt), asc(communityComments.id));
  const [reactions, images] = await Promise.all([
    reactionsOf(ctx, access, { posts: [found.p.id], comments: comments.map((c) => c.c.id) }),
    imagesOf(ctx, [found.p.id]),
  ]);
  const views = new Map<string, CommentView>();
  const top: CommentView[] = [];
  for (const { c, nickname } of comments) {
    // Removed by a moderator: gone like a deleted one for the others.
    const deleted = c.deletedAt != null || (c.removedAt != null && !seesRemoved(access, c));
    const view: CommentView = {
      id: c.id,
      html: deleted ? '' : c.html,
      ...(!deleted && c.authorId === access.userId ? { body: c.body } : {}),
      deleted,
      author: deleted ? null : authorView(access, c, nickname),
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      ...reactions.of(c.id),
      ...(allows(access, 'community.moderate') ? { crisis: c.crisis } : {}),
      ...(!deleted && c.removedAt ? { removed: { reason: c.removalReason } } : {}),
      replies: [],
    };
    views.set(c.id, view);
    const parent = c.parentId ? views.get(c.parentId) : undefined;
    if (parent) parent.replies.push(view);
    else top.push(view);
  }
  // A deleted comment is kept only as the place of its replies.
  const shown = top.filter((c) => !c.deleted || c.replies.some((r) => !r.deleted)).map((c) => ({ ...c, replies: c.replies.filter((r) => !r.deleted) }));
  return {
    community: { id: access.group.id, slug: access.group.slug, slugFr: access.group.slugFr },
    post: postView(access, found.p, found.nickname, reactions, images),
    comments: shown,
  };
}

/** The posts of the community a reader is shown: not deleted; a removed one only to its author (marked, with the reason). */
function readablePosts(access: CommunityAccess) {
  return and(
    eq(communityPosts.groupId, access.group.id),
    isNull(communityPosts.deletedAt),
    or(isNull(communityPosts.removedAt), eq(communityPosts.authorId, access.userId ?? '')),
  );
}

/** Who still sees what a moderator removed: its author, and the moderators (to restore it). */
function seesRemoved(access: CommunityAccess, row: { authorId: string | null }): boolean {
  return row.authorId === access.userId || allows(access, 'community.moderate');
}

function authorView(access: CommunityAccess, row: { authorId: string | null; anonymous: boolean }, nickname: string | null): AuthorView {
  if (row.authorId === null) return { nickname: null, anonymous: row.anonymous, mine: false, deletedMember: true };
  const mine = row.authorId === access.userId;
  if (!row.anonymous) return { nickname, anonymous: false, mine };
  return { nickname: null, anonymous: true, mine, ...(allows(access, 'community.moderate') ? { revealedNickname: nickname } : {}) };
}

function postView(
  access: CommunityAccess,
  p: typeof communityPosts.$inferSelect,
  nickname: string | null,
  reactions: Awaited<ReturnType<typeof reactionsOf>>,
  images: Map<string, ImageView[]>,
): PostView {
  return {
    id: p.id,
    html: p.html,
    ...(p.authorId === access.userId ? { body: p.body } : {}),
    author: authorView(access, p, nickname),
    createdAt: p.createdAt,
    editedAt: p.editedAt,
    lastActivityAt: p.lastActivityAt,
    commentCount: p.commentCount,
    ...reactions.of(p.id),
    ...(allows(access, 'community.moderate') ? { crisis: p.crisis } : {}),
    ...(p.removedAt ? { removed: { reason: p.removalReason } } : {}),
    images: images.get(p.id) ?? [],
  };
}

/** Reaction counts per post or comment, and which the reader gave. */
async function reactionsOf(ctx: Context, access: CommunityAccess, ids: { posts?: string[]; comments?: string[] }) {
  const posts = ids.posts ?? [];
  const comments = ids.comments ?? [];
  const target = sql<string>`coalesce(${communityReactions.postId}, ${communityReactions.commentId})`;
  const rows =
    posts.length + comments.length === 0
      ? []
      : await ctx.db
          .select({
            target,
            kind: communityReactions.kind,
            n: sql<number>`count(*)::int`,
            mine: sql<boolean>`bool_or(${communityReactions.userId} = ${access.userId ?? ''})`,
          })
          .from(communityReactions)
          .where(
            or(
              posts.length ? inArray(communityReactions.postId, posts) : undefined,
              comments.length ? inArray(communityReactions.commentId, comments) : undefined,
            ),
          )
          .groupBy(target, communityReactions.kind);
  return {
    of(id: string): { reactions: Reactions; myReactions: ReactionKind[] } {
      const mineRows = rows.filter((r) => r.target === id);
      return {
        reactions: Object.fromEntries(REACTION_KINDS.map((k) => [k, mineRows.find((r) => r.kind === k)?.n ?? 0])) as Reactions,
        myReactions: mineRows.filter((r) => r.mine).map((r) => r.kind),
      };
    },
  };
}

function writeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function readCursor(raw: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(raw, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Invalid([{ path: 'after', message: 'not a page of this feed' }]);
  return { at, id };
}
