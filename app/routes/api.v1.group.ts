import type { Route } from './+types/api.v1.group';
import { getGroup } from '../../core/groups';
import { getT, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { apiProblem } from '../lib/problem.server';
import { groupJson } from '../lib/api-serialize.server';

/** GET /api/v1/groups/:id — one published group by id or slug, with upcoming sessions and cohorts. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  const t = getT(locale);
  try {
    const group = await getGroup({ ctx: coreContext(context, locale), input: { ref: params.id, sessionLimit: 50 } });
    return Response.json(groupJson(group));
  } catch (err) {
    return apiProblem(err, t, { notFound: t('errors.groupNotFound') });
  }
}
