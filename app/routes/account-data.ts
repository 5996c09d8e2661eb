import type { Route } from './+types/account-data';
import { exportAccountData } from '../../core/accounts/my-account';
import { negotiateLocale } from '../../i18n';
import { requireOrganizer } from '../lib/auth.server';

/** GET /account/data.json — everything kept about the signed-in person's account, as a JSON download. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  // Nobody signed in: to the sign-in page, then back here.
  const { ctx } = await requireOrganizer({ request, context }, locale);
  const body = await exportAccountData({ ctx });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="cercle-my-account.json"',
      'cache-control': 'no-store',
    },
  });
}
