import { asc } from 'drizzle-orm';
import { topics } from '../../db/schema';
import type { Context } from '../context';
import { bilingual, type Bilingual } from '../text';

export interface TopicChoice {
  slug: string;
  label: Bilingual;
  children: { slug: string; label: Bilingual }[];
}

/** The topic taxonomy as a two-level list, in the administrators' order (the guide's first question). */
export async function listTopicChoices({ ctx }: { ctx: Context }): Promise<TopicChoice[]> {
  const rows = await ctx.db.select().from(topics).orderBy(asc(topics.position), asc(topics.labelEn));
  const parents = rows.filter((r) => r.parentId == null);
  return parents.map((p) => ({
    slug: p.slug,
    label: bilingual(p.labelEn, p.labelFr),
    children: rows.filter((c) => c.parentId === p.id).map((c) => ({ slug: c.slug, label: bilingual(c.labelEn, c.labelFr) })),
  }));
}
