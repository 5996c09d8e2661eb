import type { Route } from './+types/api.v1.openapi';
import { openApiDocument } from '../lib/openapi.server';

/** GET /api/v1/openapi.json — the OpenAPI 3.1 description of the public API. */
export function loader({ context }: Route.LoaderArgs) {
  return Response.json(openApiDocument(context.settings.publicUrl), {
    headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' },
  });
}
