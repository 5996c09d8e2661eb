import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { articleComments, articleTexts } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, Invalid, NotFound, RateLimited } from '../errors';
import { requirePlatformAdmin } from '../policy/permissions';
import { audit } from '../audit';
import { addressLimit, consume } from '../limits/rate-limit';
import { renderPlainText } from '../communities/markdown';
import { COMMENT_QUEUES } from './constants';
import { sameSignature, sign } from '../signing';

export { COMMENT_QUEUES };

// Comments on articles: anyone may write one, under a nickname; nothing shows until an
// administrator approves it. Spam is kept out without asking any third party: a field people do
// not see (a bot that fills it is thanked and forgotten), a form that must have been open a few
// seconds, a limit per client address, and at most two links.

/** How long the form must have been open before a comment is taken. */
export const COMMENT_MIN_SECONDS = 4;
/** A form older than this was left open too long: the person sends it again from a fresh page. */
const FORM_MAX_AGE_MS = 3 * 24 * 3600_000;
export const COMMENT_MAX_LINKS = 2;

function mac(ctx: Context, textId: string, issuedAt: number): string {
  return sign(ctx.settings.signingKey, `article-comment:${textId}:${issuedAt}`).slice(0, 22);
}

/** The token a comment form carries: when it was shown, signed, for the text it comments on. */
export function commentFormToken(ctx: Context, textId: string): string {
  const issuedAt = ctx.now.getTime();
  return `${issuedAt}.${mac(ctx, textId, issuedAt)}`;
}

/** When the form was shown, or null for a token that is not one of ours. */
function issuedAtOf(ctx: Context, textId: string, token: string): number | null {
  const [at, sig] = token.split('.');
  const issuedAt = Number(at);
  if (!Number.isSafeInteger(issuedAt) || !sig) return null;
  return sameSignature(sig, mac(ctx, textId, issuedAt)) ? issuedAt : null;
}

/** Web addresses in a text, as a person or a spammer would write them. */
export function countLinks(text: string): number {
  return (text.match(/\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ru|info|biz|xyz|top|io|ca)\b/gi) ?? []).length;
}

export const postCommentInput = z.object({
  textId: z.uuid(),
  nickname: z.string().trim().min(1, 'required').max(60, 'too_long'),
  body: z.string().trim().min(1, 'required').max(4000, 'too_long'),
  /** The field people do not see. */
  website: z.string().max(2000).default(''),
  formToken: z.string().max(200).default(''),
});

/**
 * Someone comments on a published article's text. The comment waits for moderation. A bot that
 * filled the hidden field gets the same answer as a person, and nothing is kept.
 */
export async function postComment({ ctx, input }: { ctx: Context; input: z.input<typeof postCommentInput> }): Promise<{ held: true }> {
  const q = parseInput(postCommentInput, input);
  if (q.website.trim() !== '') return { held: true };
  const issuedAt = issuedAtOf(ctx, q.textId, q.formToken);
  if (issuedAt === null || ctx.now.getTime() - issuedAt > FORM_MAX_AGE_MS) throw new Conflict('the form is not valid any more', 'comment_form_expired');
  const open = (ctx.now.getTime() - issuedAt) / 1000;
  if (open < COMMENT_MIN_SECONDS) throw new RateLimited('sent too soon after the form was shown', Math.ceil(COMMENT_MIN_SECONDS - open), 'comment_too_soon');
  if (countLinks(q.body) + countLinks(q.nickname) > COMMENT_MAX_LINKS) {
    throw new Invalid([{ path: 'body', message: `at most ${COMMENT_MAX_LINKS} links`, code: 'too_many_links' }]);
  }
  await consume(ctx, addressLimit(ctx, 'comment'));
  return withTransaction(ctx, async (tx) => {
    const [text] = await tx.db
      .select({ id: articleTexts.id })
      .from(articleTexts)
      .where(and(eq(articleTexts.id, q.textId), eq(articleTexts.status, 'published')));
    if (!text) throw new NotFound('article');
    await tx.db.insert(articleComments).values({ textId: q.textId, nickname: q.nickname, body: q.body, createdAt: tx.now });
    return { held: true as const };
  });
}

export interface ShownComment {
  id: string;
  nickname: string;
  /** The words as written, escaped, line breaks kept. */
  html: string;
  createdAt: Date;
}

/** The approved comments of a text, oldest first. */
export async function listArticleComments({ ctx, textId }: { ctx: Context; textId: string }): Promise<ShownComment[]> {
  const rows = await ctx.db
    .select()
    .from(articleComments)
    .where(and(eq(articleComments.textId, textId), eq(articleComments.status, 'approved')))
    .orderBy(asc(articleComments.createdAt), asc(articleComments.id));
  return rows.map((r) => ({ id: r.id, nickname: r.nickname, html: renderPlainText(r.body), createdAt: r.createdAt }));
}


export interface CommentForModeration extends ShownComment {
  status: (typeof COMMENT_QUEUES)[number];
  article: { title: string; slug: string; locale: 'en' | 'fr' };
  moderatedAt: Date | null;
}

/** Comments in one state (the pending ones by default, oldest first; others newest first), for administrators. */
export async function listCommentsForModeration({ ctx, input }: { ctx: Context; input: { status?: (typeof COMMENT_QUEUES)[number] } }): Promise<CommentForModeration[]> {
  await requirePlatformAdmin(ctx);
  const status = input.status ?? 'pending';
  const rows = await ctx.db
    .select({ c: articleComments, title: articleTexts.title, slug: articleTexts.slug, locale: articleTexts.locale })
    .from(articleComments)
    .innerJoin(articleTexts, eq(articleTexts.id, articleComments.textId))
    .where(eq(articleComments.status, status))
    .orderBy(status === 'pending' ? asc(articleComments.createdAt) : desc(articleComments.createdAt))
    .limit(200);
  return rows.map(({ c, title, slug, locale }) => ({
    id: c.id,
    nickname: c.nickname,
    html: renderPlainText(c.body),
    createdAt: c.createdAt,
    status: c.status,
    moderatedAt: c.moderatedAt,
    article: { title, slug, locale },
  }));
}

export const moderateCommentInput = z.object({
  commentId: z.uuid(),
  outcome: z.enum(['approved', 'rejected', 'spam'], { error: 'required' }),
});

/** An administrator approves a comment (it shows under the article), rejects it, or marks it as spam. */
export async function moderateComment({ ctx, input }: { ctx: Context; input: z.input<typeof moderateCommentInput> }): Promise<{ id: string; status: string }> {
  const q = parseInput(moderateCommentInput, input);
  return withTransaction(ctx, async (tx) => {
    const adminId = await requirePlatformAdmin(tx);
    const [row] = await tx.db.select().from(articleComments).where(eq(articleComments.id, q.commentId)).for('update');
    if (!row) throw new NotFound('comment');
    if (row.status === q.outcome) return { id: row.id, status: row.status };
    await tx.db.update(articleComments).set({ status: q.outcome, moderatedAt: tx.now, moderatedBy: adminId }).where(eq(articleComments.id, row.id));
    await audit(tx, {
      organizationId: null,
      action: q.outcome === 'approved' ? 'article_comment.approved' : q.outcome === 'rejected' ? 'article_comment.rejected' : 'article_comment.spam',
      entityType: 'article_comment',
      entityId: row.id,
      data: { textId: row.textId, from: row.status },
    });
    return { id: row.id, status: q.outcome };
  });
}
