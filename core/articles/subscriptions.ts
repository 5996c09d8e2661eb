import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { articles, articleSubscribers, articleTexts, emailOutbox, LOCALES, type Locale } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { addressLimit, consume, emailKey, LIMITS } from '../limits/rate-limit';
import { articleSubscriptionUrl, scopedToken, verifyScopedToken } from '../participants/manage-link';
import { pgArray } from '../search/search-sql';
import { checkTopics, TOPIC_SLUG_PATTERN } from './shared';

// Email subscriptions to new articles, with double opt-in: asking sends a link to the address, and
// nothing else is sent until that link is followed. Every new article's email carries a link to
// the subscription's page (topics, language, stop) and a one-click unsubscribe (RFC 8058). The form
// answers the same whatever the address: it never tells whether someone is subscribed.

const topicList = z.array(z.string().trim().regex(TOPIC_SLUG_PATTERN)).max(40).default([]);

export const subscribeInput = z.object({
  email: z.email('invalid_email').max(254, 'too_long'),
  locale: z.enum(LOCALES),
  /** Empty: every new article. */
  topics: topicList,
});

/**
 * Someone asks for new articles by email. A new, stopped or unconfirmed subscription is (re)set to
 * what they chose and a confirmation link is sent; a confirmed one is left as it is, and its owner
 * is sent the link to its page instead.
 */
export async function subscribeToArticles({ ctx, input }: { ctx: Context; input: z.input<typeof subscribeInput> }): Promise<{ sent: true }> {
  const q = parseInput(subscribeInput, input);
  const email = q.email.trim().toLowerCase();
  await consume(ctx, [...addressLimit(ctx, 'subscribe'), { key: `subscribe:to:${emailKey(ctx, email)}`, ...LIMITS.accountMailPerRecipient }]);
  return withTransaction(ctx, async (tx) => {
    const topicSlugs = await checkTopics(tx, q.topics);
    const [existing] = await tx.db.select().from(articleSubscribers).where(sql`lower(${articleSubscribers.email}) = ${email}`).for('update');
    if (existing && existing.active && existing.confirmedAt) {
      await enqueueEmail(tx, {
        key: `articles-already:${existing.id}:${tx.now.getTime()}`,
        to: existing.email,
        locale: q.locale,
        template: 'article_already',
        payload: { url: articleSubscriptionUrl(tx.settings, q.locale, existing.id, 'manage') },
      });
      return { sent: true as const };
    }
    const [row] = existing
      ? await tx.db
          .update(articleSubscribers)
          .set({ locale: q.locale, topics: topicSlugs, confirmedAt: null, active: true })
          .where(eq(articleSubscribers.id, existing.id))
          .returning()
      : await tx.db.insert(articleSubscribers).values({ email, locale: q.locale, topics: topicSlugs, createdAt: tx.now }).returning();
    await enqueueEmail(tx, {
      key: `articles-confirm:${row!.id}:${tx.now.getTime()}`,
      to: row!.email,
      locale: q.locale,
      template: 'article_confirm',
      payload: { url: articleSubscriptionUrl(tx.settings, q.locale, row!.id, 'confirm') },
    });
    return { sent: true as const };
  });
}

export interface SubscriptionView {
  id: string;
  email: string;
  locale: Locale;
  topics: string[];
  confirmed: boolean;
  active: boolean;
  /** The token of the subscription's own page, once the address is proven. */
  manageToken: string | null;
}

const tokenInput = z.object({ token: z.string().trim().min(1).max(200) });

/** The subscriber a link was made for, and for which purpose; NotFound for any other link. */
async function subscriberOf(ctx: Context, token: string) {
  const scope = verifyScopedToken(ctx.settings, token, ctx.now);
  if (scope?.kind !== 'articles') throw new NotFound('subscription');
  const [row] = await ctx.db.select().from(articleSubscribers).where(eq(articleSubscribers.id, scope.subscriberId));
  if (!row) throw new NotFound('subscription');
  return { row, purpose: scope.purpose };
}

function view(ctx: Context, row: typeof articleSubscribers.$inferSelect): SubscriptionView {
  const proven = row.confirmedAt !== null;
  return {
    id: row.id,
    email: row.email,
    locale: row.locale,
    topics: row.topics,
    confirmed: proven,
    active: row.active,
    manageToken: proven ? scopedToken(ctx.settings, { kind: 'articles', subscriberId: row.id, purpose: 'manage' }) : null,
  };
}

/** What a subscription's link shows: a confirmation link of an unconfirmed one asks to confirm. */
export async function getSubscription({ ctx, input }: { ctx: Context; input: z.input<typeof tokenInput> }): Promise<SubscriptionView & { purpose: 'confirm' | 'manage' }> {
  const { token } = parseInput(tokenInput, input);
  const { row, purpose } = await subscriberOf(ctx, token);
  return { ...view(ctx, row), purpose };
}

/** The person followed the confirmation link and confirmed: new articles will be sent. */
export async function confirmSubscription({ ctx, input }: { ctx: Context; input: z.input<typeof tokenInput> }): Promise<SubscriptionView> {
  const { token } = parseInput(tokenInput, input);
  const { row } = await subscriberOf(ctx, token);
  const [updated] = await ctx.db
    .update(articleSubscribers)
    .set({ confirmedAt: sql`coalesce(${articleSubscribers.confirmedAt}, ${ctx.now.toISOString()}::timestamptz)`, active: true })
    .where(eq(articleSubscribers.id, row.id))
    .returning();
  return view(ctx, updated!);
}

export const updateSubscriptionInput = tokenInput.extend({ locale: z.enum(LOCALES), topics: topicList, active: z.boolean() });

/** From the subscription's page (a manage link only): its topics, its language, stopped or resumed. */
export async function updateSubscription({ ctx, input }: { ctx: Context; input: z.input<typeof updateSubscriptionInput> }): Promise<SubscriptionView> {
  const q = parseInput(updateSubscriptionInput, input);
  const { row, purpose } = await subscriberOf(ctx, q.token);
  if (purpose !== 'manage' || !row.confirmedAt) throw new NotFound('subscription');
  return withTransaction(ctx, async (tx) => {
    const topicSlugs = await checkTopics(tx, q.topics);
    const [updated] = await tx.db
      .update(articleSubscribers)
      .set({ locale: q.locale, topics: topicSlugs, active: q.active })
      .where(eq(articleSubscribers.id, row.id))
      .returning();
    if (!q.active) await dropQueued(tx, row.email);
    return view(tx, updated!);
  });
}

/** One-click unsubscribe (RFC 8058) from a new article's email: the subscription stops at once. */
export async function stopSubscription(ctx: Context, subscriberId: string): Promise<boolean> {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.update(articleSubscribers).set({ active: false }).where(eq(articleSubscribers.id, subscriberId)).returning();
    if (row) await dropQueued(tx, row.email);
    return Boolean(row);
  });
}

/** New-article emails not sent yet to a subscription that stopped are dropped. */
async function dropQueued(tx: Context, email: string) {
  await tx.db
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.toEmail, email), eq(emailOutbox.template, 'article_new'), eq(emailOutbox.status, 'pending')));
}

/**
 * The worker's step: each text published for the first time and not announced yet is sent, as one
 * email per confirmed, active subscriber of its language whose topics it matches (or who chose
 * every article), through the outbox. Each text is announced once, in the transaction that queues
 * its emails; a publisher never waits for it.
 */
export async function announceNewArticles(ctx: Context): Promise<number> {
  const due = await ctx.db
    .select({ id: articleTexts.id })
    .from(articleTexts)
    .where(and(eq(articleTexts.status, 'published'), isNull(articleTexts.announcedAt), isNotNull(articleTexts.publishedAt)))
    .limit(20);
  let queued = 0;
  for (const { id } of due) {
    queued += await withTransaction(ctx, async (tx) => {
      const [text] = await tx.db
        .select({ t: articleTexts, topics: articles.topics })
        .from(articleTexts)
        .innerJoin(articles, eq(articles.id, articleTexts.articleId))
        .where(and(eq(articleTexts.id, id), isNull(articleTexts.announcedAt)))
        .for('update', { of: articleTexts });
      if (!text) return 0;
      await tx.db.update(articleTexts).set({ announcedAt: tx.now }).where(eq(articleTexts.id, id));
      if (text.t.status !== 'published') return 0;
      // A subscriber of a topic gets the articles of that topic and of its sub-topics.
      const matching = await tx.db
        .select({ id: articleSubscribers.id, email: articleSubscribers.email })
        .from(articleSubscribers)
        .where(
          and(
            eq(articleSubscribers.locale, text.t.locale),
            eq(articleSubscribers.active, true),
            isNotNull(articleSubscribers.confirmedAt),
            sql`(cardinality(${articleSubscribers.topics}) = 0 or exists (
              select 1 from unnest(${articleSubscribers.topics}) as s(slug), unnest(${pgArray(text.topics)}::text[]) as a(slug)
              where a.slug = s.slug or a.slug like s.slug || '-%'))`,
          ),
        );
      const url = new URL(`/${text.t.locale}/articles/${text.t.slug}`, tx.settings.publicUrl).toString();
      for (const s of matching) {
        await enqueueEmail(tx, {
          key: `article-new:${id}:${s.id}`,
          to: s.email,
          locale: text.t.locale,
          template: 'article_new',
          payload: { vars: { title: text.t.title }, message: text.t.summary, url, unsubscribe: { subscriberId: s.id } },
        });
      }
      return matching.length;
    });
  }
  return queued;
}
