import '../../i18n/areas/manage';
import type { Route } from './+types/manage-data';
import { exportMyData } from '../../core/participants/my-data';
import { getT, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { apiProblem } from '../lib/problem.server';

/** GET /manage/:token/data.json — everything stored about the person, as a JSON download. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  try {
    const body = await exportMyData({ ctx: coreContext(context, locale), input: { token: params.token } });
    return new Response(JSON.stringify(body, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="cercle-my-data.json"',
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    const t = getT(locale);
    return apiProblem(err, t, { notFound: t('manage.notFound'), area: 'signup' });
  }
}
