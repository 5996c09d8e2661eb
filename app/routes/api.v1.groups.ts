import type { Route } from './+types/api.v1.groups';
import { coreContext } from '../lib/context.server';
import { groupSearchAnswer } from '../lib/group-search-api.server';
import { PROBLEM_TYPE } from '../lib/problem.server';

/** GET /api/v1/groups (app/lib/group-search-api.server.ts; in production Express answers first). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const a = await groupSearchAnswer(new URL(request.url), request.headers.get('accept-language'), (locale) => coreContext(context, locale));
  return a.problem ? new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': PROBLEM_TYPE } }) : Response.json(a.body);
}
