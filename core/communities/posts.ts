import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { communityComments, communityImages, communityPosts, communityReactions, REACTION_KINDS } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors';
import { requireCommunity } from './access';
import { hasCrisisLanguage } from './crisis';
import { countCommunityAction } from './limits';
import { dropImages, imageRows, imageUpload, IMAGES_PER_POST, keepImages, prepareImages } from './images';
import { renderMemberText } from './markdown';
import { reportCrisis } from './moderation';
import { bilingualDocument } from '../search/bilingual-text';
import { tellReplied } from './notifications';
import { announceLive, liveNotice } from './live';

// Writing in a community: posts, comments (one level of replies), reactions. Only members write
// (community.post); each edits and deletes what they wrote. What is written is kept as typed and
// as sanitized HTML; crisis language is published as usual, flagged for the moderators, and the
// author is answered with the crisis resources (`crisis: true`).

export const POST_MAX = 10_000;
export const COMMENT_MAX = 5_000;

const text = (max: number) => z.string().trim().min(1).max(max);

export const createPostInput = z.object({
  community: z.string().min(1).max(200),
  body: text(POST_MAX),
  anonymous: z.boolean().default(false),
  /** Images to attach (re-encoded without their metadata: images.ts). */
  images: z.array(imageUpload).max(IMAGES_PER_POST).default([]),
});

export async function createPost({ ctx, input }: { ctx: Context; input: z.input<typeof createPostInput> }) {
  const q = parseInput(createPostInput, input);
  const access = await requireCommunity(ctx, q.community, 'community.post');
  await countCommunityAction(ctx, access, 'post');
  const crisis = hasCrisisLanguage(q.body);
  const images = await prepareImages(access.group.id, q.images);
  const write = async (tx: Context) => {
    // The insert announces the post itself: a plain post is one statement, with no transaction.
    const [post] = await tx.db
      .insert(communityPosts)
      .values({ groupId: access.group.id, ...written(tx, access.userId, q, crisis), lastActivityAt: tx.now })
      .returning({ id: communityPosts.id, live: liveNotice(access.group.id, 'post', communityPosts.id) });
    if (images.length) await tx.db.insert(communityImages).values(imageRows(tx, access.group.id, post!.id, images));
    if (crisis) await reportCrisis(tx, access.group.id, { postId: post!.id });
    return { postId: post!.id, crisis };
  };
  return keepImages(ctx, images, () => (images.length || crisis ? withTransaction(ctx, write) : write(ctx)));
}

export const editPostInput = z.object({ postId: z.uuid(), body: text(POST_MAX) });

/** Edits one's own post (marked "edited"). Crisis language added by an edit flags it too. */
export async function editPost({ ctx, input }: { ctx: Context; input: z.input<typeof editPostInput> }) {
  const q = parseInput(editPostInput, input);
  const post = await ownPost(ctx, q.postId);
  if (post.removedAt) throw new Conflict('a removed post is not edited', 'removed');
  const edit = rewritten(ctx, q.body, post.crisis);
  return withTransaction(ctx, async (tx) => {
    await tx.db.update(communityPosts).set(edit.set).where(eq(communityPosts.id, post.id));
    if (edit.crisis) await reportCrisis(tx, post.groupId, { postId: post.id });
    return { postId: post.id, crisis: edit.crisis };
  });
}

export const deleteInput = z.object({ id: z.uuid() });

/** Deletes one's own post: its text and images are erased at once; replies to it stay, under "deleted". */
export async function deletePost({ ctx, input }: { ctx: Context; input: z.input<typeof deleteInput> }) {
  const q = parseInput(deleteInput, input);
  const post = await ownPost(ctx, q.id);
  await ctx.db.update(communityPosts).set({ deletedAt: ctx.now, body: '', html: '', search: null }).where(eq(communityPosts.id, post.id));
  await dropImages(ctx, post.id);
  return { deleted: true };
}

export const createCommentInput = z.object({
  postId: z.uuid(),
  /** The comment answered, for a reply (one level: a reply to a reply answers its parent). */
  parentId: z.uuid().optional(),
  body: text(COMMENT_MAX),
  anonymous: z.boolean().default(false),
});

export async function createComment({ ctx, input }: { ctx: Context; input: z.input<typeof createCommentInput> }) {
  const q = parseInput(createCommentInput, input);
  const post = await livePost(ctx, q.postId);
  const access = await requireCommunity(ctx, post.groupId, 'community.post');
  let parentId: string | null = null;
  let answered: string | null = null;
  if (q.parentId) {
    const [parent] = await ctx.db
      .select({ id: communityComments.id, parentId: communityComments.parentId, authorId: communityComments.authorId })
      .from(communityComments)
      .where(and(eq(communityComments.id, q.parentId), eq(communityComments.postId, post.id)));
    if (!parent) throw new Invalid([{ path: 'parentId', message: 'not a comment of this post' }]);
    parentId = parent.parentId ?? parent.id;
    answered = parent.authorId;
  }
  await countCommunityAction(ctx, access, 'comment');
  const crisis = hasCrisisLanguage(q.body);
  return withTransaction(ctx, async (tx) => {
    const [comment] = await tx.db
      .insert(communityComments)
      .values({ postId: post.id, parentId, ...written(tx, access.userId, q, crisis) })
      .returning({ id: communityComments.id });
    await tx.db
      .update(communityPosts)
      .set({ commentCount: sql`${communityPosts.commentCount} + 1`, lastActivityAt: tx.now })
      .where(eq(communityPosts.id, post.id));
    if (crisis) await reportCrisis(tx, access.group.id, { commentId: comment!.id });
    await announceLive(tx, access.group.id, { kind: 'comment', postId: post.id });
    await tellReplied(tx, access.group, { id: comment!.id, postId: post.id, authorId: access.userId, anonymous: q.anonymous }, [post.authorId, answered].filter((id): id is string => id !== null));
    return { commentId: comment!.id, crisis };
  });
}

export const editCommentInput = z.object({ commentId: z.uuid(), body: text(COMMENT_MAX) });

export async function editComment({ ctx, input }: { ctx: Context; input: z.input<typeof editCommentInput> }) {
  const q = parseInput(editCommentInput, input);
  const { c: comment, groupId } = await ownComment(ctx, q.commentId);
  if (comment.removedAt) throw new Conflict('a removed comment is not edited', 'removed');
  const edit = rewritten(ctx, q.body, comment.crisis);
  return withTransaction(ctx, async (tx) => {
    await tx.db.update(communityComments).set(edit.set).where(eq(communityComments.id, comment.id));
    if (edit.crisis) await reportCrisis(tx, groupId, { commentId: comment.id });
    return { commentId: comment.id, crisis: edit.crisis };
  });
}

export async function deleteComment({ ctx, input }: { ctx: Context; input: z.input<typeof deleteInput> }) {
  const q = parseInput(deleteInput, input);
  const { c: comment } = await ownComment(ctx, q.id);
  return withTransaction(ctx, async (tx) => {
    await tx.db.update(communityComments).set({ deletedAt: tx.now, body: '', html: '', search: null }).where(eq(communityComments.id, comment.id));
    await tx.db
      .update(communityPosts)
      .set({ commentCount: sql`greatest(${communityPosts.commentCount} - 1, 0)` })
      .where(eq(communityPosts.id, comment.postId));
    return { deleted: true };
  });
}

export const reactInput = z
  .object({ postId: z.uuid().optional(), commentId: z.uuid().optional(), kind: z.enum(REACTION_KINDS), on: z.boolean() })
  .refine((v) => (v.postId == null) !== (v.commentId == null), { message: 'react to a post or a comment', path: ['postId'] });

/** Adds or takes back one's reaction to a post or comment; answers the counts after the change. */
export async function react({ ctx, input }: { ctx: Context; input: z.input<typeof reactInput> }) {
  const q = parseInput(reactInput, input);
  let postId = q.postId ?? null;
  if (q.commentId) {
    const [c] = await ctx.db
      .select({ postId: communityComments.postId })
      .from(communityComments)
      .where(and(eq(communityComments.id, q.commentId), isNull(communityComments.deletedAt), isNull(communityComments.removedAt)));
    if (!c) throw new NotFound('comment');
    postId = c.postId;
  }
  const post = await livePost(ctx, postId!);
  const access = await requireCommunity(ctx, post.groupId, 'community.post');
  const target = q.commentId ? eq(communityReactions.commentId, q.commentId) : eq(communityReactions.postId, post.id);
  if (q.on) {
    await ctx.db
      .insert(communityReactions)
      .values({ postId: q.commentId ? null : post.id, commentId: q.commentId ?? null, userId: access.userId, kind: q.kind, createdAt: ctx.now })
      .onConflictDoNothing();
  } else {
    await ctx.db.delete(communityReactions).where(and(target, eq(communityReactions.userId, access.userId), eq(communityReactions.kind, q.kind)));
  }
  const counts = await ctx.db
    .select({ kind: communityReactions.kind, n: sql<number>`count(*)::int` })
    .from(communityReactions)
    .where(target)
    .groupBy(communityReactions.kind);
  return Object.fromEntries(REACTION_KINDS.map((k) => [k, counts.find((c) => c.kind === k)?.n ?? 0])) as Record<(typeof REACTION_KINDS)[number], number>;
}

/** What a new post or comment writes: the text as typed, rendered and searchable, by whom, and when. */
function written(ctx: Context, authorId: string, q: { body: string; anonymous: boolean }, crisis: boolean) {
  return { authorId, anonymous: q.anonymous, body: q.body, html: renderMemberText(q.body), search: bilingualDocument(q.body), crisis, createdAt: ctx.now };
}

/** What an edit writes: the text as typed and rendered, the edited mark, the crisis flag (kept once raised). */
function rewritten(ctx: Context, body: string, wasCrisis: boolean) {
  const crisis = hasCrisisLanguage(body);
  return { crisis, set: { body, html: renderMemberText(body), search: bilingualDocument(body), editedAt: ctx.now, crisis: wasCrisis || crisis } };
}

/** A post neither deleted nor removed (or, with `removed`, possibly removed), or not found. */
async function livePost(ctx: Context, id: string, { removed = false } = {}) {
  const [post] = await ctx.db
    .select()
    .from(communityPosts)
    .where(and(eq(communityPosts.id, id), isNull(communityPosts.deletedAt), removed ? undefined : isNull(communityPosts.removedAt)));
  if (!post) throw new NotFound('post');
  return post;
}

/** The acting member's own post, even removed (someone else's is refused; members only). */
async function ownPost(ctx: Context, id: string) {
  const post = await livePost(ctx, id, { removed: true });
  const access = await requireCommunity(ctx, post.groupId, 'community.post');
  if (post.authorId !== access.userId) throw new Forbidden('only its author can change a post', 'not_yours');
  return post;
}

async function ownComment(ctx: Context, id: string) {
  const [comment] = await ctx.db
    .select({ c: communityComments, groupId: communityPosts.groupId })
    .from(communityComments)
    .innerJoin(communityPosts, eq(communityPosts.id, communityComments.postId))
    .where(and(eq(communityComments.id, id), isNull(communityComments.deletedAt)));
  if (!comment) throw new NotFound('comment');
  const access = await requireCommunity(ctx, comment.groupId, 'community.post');
  if (comment.c.authorId !== access.userId) throw new Forbidden('only its author can change a comment', 'not_yours');
  return comment;
}
