import type { Route } from './+types/api.v1.groups';
import { listGroups } from '../../core/groups';
import { getT, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { groupListQuery, toListInput } from '../lib/group-query';
import { parseQuery, apiError } from '../lib/query.server';
import { groupSummaryJson } from '../lib/api-serialize.server';

/** GET /api/v1/groups — published groups, paginated. Messages follow Accept-Language. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  const t = getT(locale);
  const parsed = parseQuery(groupListQuery, new URL(request.url), t);
  if (!parsed.ok) return apiError(400, 'invalid', parsed.issues.map((i) => i.message).join(' '), parsed.issues);
  const list = await listGroups({ ctx: coreContext(context, locale), input: toListInput(parsed.value) });
  return Response.json({
    total: list.total,
    page: list.page,
    per_page: list.perPage,
    pages: list.pages,
    results: list.results.map(groupSummaryJson),
  });
}
