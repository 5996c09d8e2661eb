import { redirect } from 'react-router';
import type { Route } from './+types/unsubscribe-one-click';
import { unsubscribe } from '../../core/participants/my-data';
import { CoreError, HTTP_STATUS } from '../../core/errors';
import { negotiateLocale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { pathTo } from '../lib/paths';
import { verifyScopedToken } from '../../core/participants/manage-link';

/**
 * A person following the link from an email: the confirmation page in their language; for a
 * subscription to new articles, its own page (topics, language, stop).
 */
export function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  const scope = verifyScopedToken(context.settings, params.token, new Date());
  if (scope?.kind === 'articles') return redirect(pathTo(locale, 'articleSubscription', { token: params.token }));
  return redirect(pathTo(locale, 'unsubscribe', { token: params.token }));
}

/** RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click`; no page, no confirmation. */
export async function action({ context, params }: Route.ActionArgs) {
  try {
    await unsubscribe({ ctx: coreContext(context, 'en'), input: { token: params.token } });
    return new Response('Unsubscribed', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    return new Response(err.code, { status: HTTP_STATUS[err.code] });
  }
}
