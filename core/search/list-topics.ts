import { asc } from 'drizzle-orm';
import { topics } from '../../db/schema';
import type { Context } from '../context';
import { bilingual, type Bilingual } from '../text';

export interface TopicOption {
  slug: string;
  label: Bilingual;
  children: { slug: string; label: Bilingual }[];
}

/** The topic taxonomy as a two-level list, in its editorial order (for the search filters). */
export async function listTopics({ ctx }: { ctx: Context }): Promise<TopicOption[]> {
  const rows = await ctx.db.select().from(topics).orderBy(asc(topics.position), asc(topics.slug));
  const parents = rows.filter((t) => !t.parentId);
  return parents.map((p) => ({
    slug: p.slug,
    label: bilingual(p.labelEn, p.labelFr),
    children: rows.filter((c) => c.parentId === p.id).map((c) => ({ slug: c.slug, label: bilingual(c.labelEn, c.labelFr) })),
  }));
}
