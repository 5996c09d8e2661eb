import { eq } from 'drizzle-orm';
import { groups } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import { requireGroupPermission } from '../policy/permissions';
import { refreshGroupSearch } from '../search/refresh-group-search';
import { frenchSlugFor, groupSlugIs, slugsFrom } from '../groups/slugs';

export type GroupRow = typeof groups.$inferSelect;

/** Checks `groups.edit` on the group and returns its row (NotFound for strangers, Forbidden for facilitators). */
export async function editableGroup(ctx: Context, groupId: string): Promise<GroupRow> {
  await requireGroupPermission(ctx, groupId, 'groups.edit');
  const [row] = await ctx.db.select().from(groups).where(eq(groups.id, groupId));
  if (!row) throw new NotFound('group');
  return row;
}

/** Locks the group row for the rest of the transaction (one editor change at a time). */
export async function lockGroup(tx: Context, groupId: string): Promise<GroupRow> {
  const [row] = await tx.db.select().from(groups).where(eq(groups.id, groupId)).for('update');
  if (!row) throw new NotFound('group');
  return row;
}


/** Marks the group as changed and rebuilds its search row. */
export async function touchGroup(tx: Context, groupId: string): Promise<void> {
  await tx.db.update(groups).set({ updatedAt: tx.now }).where(eq(groups.id, groupId));
  await ensureFrenchSlug(tx, groupId);
  await refreshGroupSearch(tx.db, [groupId], tx.now);
}

/** Slugs (English and French) that no other group uses yet, in either language. */
export async function freshSlugs(tx: Context, titleEn: string | null, titleFr: string | null): Promise<{ slug: string; slugFr: string | null }> {
  for (;;) {
    const slugs = slugsFrom(titleEn, titleFr);
    if (!(await slugTaken(tx, slugs.slug)) && !(slugs.slugFr && (await slugTaken(tx, slugs.slugFr)))) return slugs;
  }
}

async function slugTaken(tx: Context, slug: string): Promise<boolean> {
  const [taken] = await tx.db.select({ id: groups.id }).from(groups).where(groupSlugIs(slug)).limit(1);
  return taken !== undefined;
}

/** Gives a group its French address once it has a French title (an address, once given, stays). */
async function ensureFrenchSlug(tx: Context, groupId: string): Promise<void> {
  const [g] = await tx.db.select({ slug: groups.slug, slugFr: groups.slugFr, titleFr: groups.titleFr }).from(groups).where(eq(groups.id, groupId));
  if (!g || g.slugFr || !g.titleFr) return;
  for (let attempt = 0; ; attempt++) {
    const slugFr = frenchSlugFor(g.slug, g.titleFr, attempt > 0);
    if (!slugFr) return;
    if (!(await slugTaken(tx, slugFr))) {
      await tx.db.update(groups).set({ slugFr }).where(eq(groups.id, groupId));
      return;
    }
  }
}

export { DATE_RE, TIME_RE, isRealDate, isTimeZone, blankToNull } from './values';

export { audit } from '../audit/write-audit';
