import { z } from 'zod';
import { GROUP_KINDS, GROUP_FORMATS, LEADERSHIPS, DELIVERIES } from '../../db/schema/enums';
import { MAX_PER_PAGE, type ListGroupsInput } from '../../core/groups/list-groups';

/** Query-string parameters of the group list, shared by the page and the API. */
export const groupListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional(),
  kind: z.enum(GROUP_KINDS).optional(),
  format: z.enum(GROUP_FORMATS).optional(),
  leadership: z.enum(LEADERSHIPS).optional(),
  delivery: z.enum(DELIVERIES).optional(),
});

export function toListInput(q: z.output<typeof groupListQuery>): ListGroupsInput {
  return {
    q: q.q,
    page: q.page,
    perPage: q.per_page,
    kind: q.kind,
    format: q.format,
    leadership: q.leadership,
    delivery: q.delivery,
  };
}
