import { z } from 'zod';
import { parseInput, type Context } from '../context';
import type { PublicGroupSummary } from '../groups';
import { findGroups, MAX_PER_PAGE } from '../search';
import { guideWhere, type GuideWhere } from './guide-input';
import type { GuideOptionId, GuideRanking, RankedOption } from './rank-kinds';

export interface GuideMatch {
  option: GuideOptionId;
  groups: PublicGroupSummary[];
}

/**
 * Published groups of a candidate option that fit the answers, soonest first. The only place the
 * guide asks for groups: the search area's finder does the filtering (topic with its sub-topics,
 * language, cost, delivery) in SQL.
 */
async function candidatesFor(ctx: Context, option: RankedOption, ranking: GuideRanking, where: GuideWhere) {
  const delivery = { online: ['online', 'hybrid'], in_person: ['in_person', 'hybrid'] } as const;
  const found = await findGroups({
    ctx,
    input: {
      kind: [option.kind],
      format: option.format ? [option.format] : undefined,
      topic: where.topic ? [where.topic] : undefined,
      lang: where.language ? [where.language] : undefined,
      cost: ranking.freeOnly ? ['free', 'pay_what_you_can'] : undefined,
      delivery: ranking.delivery ? [...delivery[ranking.delivery]] : undefined,
      sort: 'soonest',
      perPage: MAX_PER_PAGE,
      facets: false,
    },
  });
  return found.results.filter((g) => !option.dropInStyle || g.dropInStyle === option.dropInStyle);
}

/** Lower case without accents, for comparing place names ("Montréal" = "montreal"). */
const foldForMatch = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

export const findGuideMatchesInput = z.object({
  where: guideWhere,
  /** How many of the best-ranked options get groups, and how many groups each. */
  options: z.number().int().min(1).max(6).default(3),
  perOption: z.number().int().min(1).max(10).default(3),
});

/**
 * Real groups for the best-ranked options, filtered by the answers (topic and its sub-topics,
 * language, budget, in person or online) and with groups in the person's city first. A group
 * appears under one option only. Reads only: the guide stores nothing.
 */
export async function findGuideMatches({
  ctx,
  ranking,
  input,
}: {
  ctx: Context;
  ranking: GuideRanking;
  input: z.input<typeof findGuideMatchesInput>;
}): Promise<GuideMatch[]> {
  const q = parseInput(findGuideMatchesInput, input);
  const city = q.where.city ? foldForMatch(q.where.city) : null;
  const shown = new Set<string>();
  const out: GuideMatch[] = [];
  for (const option of ranking.options.slice(0, q.options)) {
    const candidates = (await candidatesFor(ctx, option, ranking, q.where)).filter((g) => !shown.has(g.id));
    // Stable sort: groups in the person's city first, otherwise the finder's order (soonest first).
    const inCity = (g: PublicGroupSummary) => (city && g.city && foldForMatch(g.city) === city ? 0 : 1);
    const picked = candidates
      .map((g, i) => ({ g, i }))
      .sort((x, y) => inCity(x.g) - inCity(y.g) || x.i - y.i)
      .slice(0, q.perOption)
      .map((x) => x.g);
    for (const g of picked) shown.add(g.id);
    out.push({ option: option.id, groups: picked });
  }
  return out;
}
