import { inArray } from 'drizzle-orm';
import type { Database } from '../../client';
import { articles, articleTexts } from '../../schema';
import { articleDocument } from '../../../core/articles/shared';
import type { SeedArticle } from './types';
import { kindsOfGroups } from './kinds-of-groups';
import { firstSupportGroup } from './first-support-group';
import { dropInOrClosed } from './drop-in-or-closed';
import { onlineOrInPerson } from './online-or-in-person';
import { whenGroupTherapy } from './when-group-therapy';
import { runningAPeerGroup } from './running-a-peer-group';

/** The guides Cercle ships with, in English and French (SPEC §5), written for this product. */
export const SEED_ARTICLES: readonly SeedArticle[] = [kindsOfGroups, firstSupportGroup, dropInOrClosed, onlineOrInPerson, whenGroupTherapy, runningAPeerGroup];

export const SEED_ARTICLE_AUTHOR = { en: 'The Cercle team', fr: 'L’équipe de Cercle' } as const;

/**
 * Adds the shipped guides a database does not have yet, published in both languages. A guide
 * already there is left as it is: an administrator may have edited or unpublished it.
 */
export async function seedArticles(db: Database, { now }: { now: Date }): Promise<number> {
  const present = await db
    .select({ key: articles.seedKey })
    .from(articles)
    .where(inArray(articles.seedKey, SEED_ARTICLES.map((a) => a.key)));
  const have = new Set(present.map((r) => r.key));
  let added = 0;
  for (const guide of SEED_ARTICLES) {
    if (have.has(guide.key)) continue;
    const [row] = await db
      .insert(articles)
      .values({ seedKey: guide.key, topics: guide.topics, kinds: guide.kinds })
      .onConflictDoNothing()
      .returning({ id: articles.id });
    if (!row) continue;
    await db.insert(articleTexts).values(
      (['en', 'fr'] as const).map((locale) => ({
        articleId: row.id,
        locale,
        ...guide[locale],
        authorName: SEED_ARTICLE_AUTHOR[locale],
        status: 'published' as const,
        publishedAt: now,
        // Shipped with Cercle: never announced to subscribers as new.
        announcedAt: now,
        updatedAt: now,
        search: articleDocument(guide[locale]),
      })),
    );
    added++;
  }
  return added;
}
