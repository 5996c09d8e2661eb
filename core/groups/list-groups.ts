import { z } from 'zod';
import { GROUP_KINDS, GROUP_FORMATS, LEADERSHIPS, DELIVERIES } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { findGroups } from '../search/find-groups';
import { MAX_PER_PAGE } from '../search/search-input';
import type { PublicGroupSummary } from './public-group';

export { MAX_PER_PAGE };

export const listGroupsInput = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  perPage: z.number().int().min(1).max(MAX_PER_PAGE).default(20),
  kind: z.enum(GROUP_KINDS).optional(),
  format: z.enum(GROUP_FORMATS).optional(),
  leadership: z.enum(LEADERSHIPS).optional(),
  delivery: z.enum(DELIVERIES).optional(),
});
export type ListGroupsInput = z.input<typeof listGroupsInput>;

export interface GroupList {
  total: number;
  page: number;
  perPage: number;
  pages: number;
  results: PublicGroupSummary[];
}

/** Published groups, soonest next session first (best match first with words), a page at a time. */
export async function listGroups({ ctx, input }: { ctx: Context; input: ListGroupsInput }): Promise<GroupList> {
  const q = parseInput(listGroupsInput, input);
  const one = <T>(v: T | undefined) => (v === undefined ? undefined : [v]);
  const found = await findGroups({
    ctx,
    input: {
      q: q.q,
      page: q.page,
      perPage: q.perPage,
      kind: one(q.kind),
      format: one(q.format),
      leadership: one(q.leadership),
      delivery: one(q.delivery),
      facets: false,
    },
  });
  return { total: found.total, page: found.page, perPage: found.perPage, pages: found.pages, results: found.results };
}
