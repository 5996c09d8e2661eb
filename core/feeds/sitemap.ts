import { and, asc, count, eq, gt, gte } from 'drizzle-orm';
import { groups } from '../../db/schema';
import type { Context } from '../context';
import { groupSlugs, type GroupSlugs } from '../groups/slugs';

// The published groups a sitemap lists, a file at a time: each file holds the pages of up to
// GROUPS_PER_SITEMAP groups in both languages (two addresses each, under the 50,000 a sitemap may
// hold), read from the database in batches as the file is written.

export const GROUPS_PER_SITEMAP = 25_000;

const published = eq(groups.status, 'published');

/** How many sitemap files the published groups fill. */
export async function groupSitemapCount(ctx: Context, perFile = GROUPS_PER_SITEMAP): Promise<number> {
  const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(groups).where(published);
  return Math.ceil(n / perFile);
}

/** The groups of sitemap file `file` (from 1), in the order of their ids, with when each last changed. */
export async function* groupSitemapEntries(
  ctx: Context,
  file: number,
  { perFile = GROUPS_PER_SITEMAP, batch = 1000 }: { perFile?: number; batch?: number } = {},
): AsyncGenerator<{ slugs: GroupSlugs; updatedAt: Date }> {
  if (!Number.isInteger(file) || file < 1) return;
  const [first] = await ctx.db
    .select({ id: groups.id })
    .from(groups)
    .where(published)
    .orderBy(asc(groups.id))
    .offset((file - 1) * perFile)
    .limit(1);
  if (!first) return;
  let after = gte(groups.id, first.id);
  let left = perFile;
  while (left > 0) {
    const size = Math.min(batch, left);
    const rows = await ctx.db
      .select({ id: groups.id, slug: groups.slug, slugFr: groups.slugFr, updatedAt: groups.updatedAt })
      .from(groups)
      .where(and(published, after))
      .orderBy(asc(groups.id))
      .limit(size);
    for (const row of rows) yield { slugs: groupSlugs(row), updatedAt: row.updatedAt };
    left -= rows.length;
    if (rows.length < size) return;
    after = gt(groups.id, rows[rows.length - 1]!.id);
  }
}
