import type { Route } from './+types/api.v1.openapi';
import { negotiateLocale } from '../../i18n';
import { openApiDocument } from '../lib/openapi.server';

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of the public API, in English or French (Accept-Language). */
export function loader({ request, context }: Route.LoaderArgs) {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  return Response.json(openApiDocument(context.settings.publicUrl, locale), {
    headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*', vary: 'Accept-Language' },
  });
}
