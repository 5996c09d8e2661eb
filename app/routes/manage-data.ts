import type { Route } from './+types/manage-data';
import { exportMyData } from '../../core/participants/my-data';
import { CoreError, HTTP_STATUS } from '../../core/errors';
import { getT, negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { jsonProblem } from '../lib/problem.server';

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
    if (!(err instanceof CoreError)) throw err;
    const t = getT(locale);
    return jsonProblem(t, HTTP_STATUS[err.code], err.code, err.code === 'not_found' ? t('manage.notFound') : t(`signup.errors.${err.code}`));
  }
}
