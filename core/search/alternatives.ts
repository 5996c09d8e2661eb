import { sql } from 'drizzle-orm';
import type { Context } from '../context';
import { findGroups, type GroupSearchResult } from './find-groups';
import { rows } from './rows';
import { pgArray } from './search-sql';
import type { FindGroupsInput } from './search-input';

/** Searches near one that found nothing, each with how many groups it finds (only those that find some). */
export interface SearchAlternatives {
  /** The wider topics of the topics searched or read in the words, without the words. */
  broader: { topic: string; total: number }[];
  /** The same search, online groups only, wherever the person is. */
  online: number | null;
  /** The same search in the other language, when a language was chosen. */
  otherLanguage: { lang: 'en' | 'fr'; total: number } | null;
}

/**
 * What is near a search that found nothing (issue 13: no dead ends): the broader topic, online
 * groups, groups in the other language. The guide is always there besides; pages add it.
 */
export async function findAlternatives({
  ctx,
  input,
  result,
}: {
  ctx: Context;
  input: FindGroupsInput;
  result: Pick<GroupSearchResult, 'understood'>;
}): Promise<SearchAlternatives> {
  const total = async (changes: Partial<FindGroupsInput>) =>
    (await findGroups({ ctx, input: { ...input, ...changes, page: 1, perPage: 1, facets: false } })).total;
  const slugs = [...new Set([...(result.understood?.topics ?? []), ...(input.topic ?? [])])];
  const parents = slugs.length
    ? await rows<{ slug: string }>(
        ctx.db,
        sql`select distinct p.slug from topics t join topics p on p.id = t.parent_id where t.slug = any(${pgArray(slugs)}::text[]) order by p.slug`,
      )
    : [];
  const broader: SearchAlternatives['broader'] = [];
  for (const { slug } of parents.slice(0, 2)) {
    const n = await total({ q: undefined, literal: undefined, topic: [slug] });
    if (n > 0) broader.push({ topic: slug, total: n });
  }
  let online: number | null = null;
  if (!input.delivery?.includes('online')) {
    const n = await total({ near: undefined, lat: undefined, lon: undefined, sort: undefined, delivery: ['online'] });
    online = n > 0 ? n : null;
  }
  let otherLanguage: SearchAlternatives['otherLanguage'] = null;
  const other = (['en', 'fr'] as const).filter((l) => input.lang?.length && !input.lang.includes(l));
  if (other.length) {
    const n = await total({ lang: [other[0]!] });
    if (n > 0) otherLanguage = { lang: other[0]!, total: n };
  }
  return { broader, online, otherLanguage };
}
