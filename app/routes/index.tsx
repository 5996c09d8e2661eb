import { redirect } from 'react-router';
import type { Route } from './+types/index';
import { negotiateLocale } from '../../i18n';
import { pathTo } from '../lib/paths';

/** `/` sends each visitor to the home page in the language their browser prefers. */
export function loader({ request }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  return redirect(pathTo(locale, 'home'), { headers: { Vary: 'Accept-Language' } });
}
