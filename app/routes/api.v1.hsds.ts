import '../../i18n/areas/developers';
import type { Route } from './+types/api.v1.hsds';
import {
  hsdsAllServices,
  hsdsOrganizationById,
  hsdsOrganizationsPage,
  hsdsServiceById,
  hsdsServicesPage,
  type HsdsLinks,
} from '../../core/feeds/hsds';
import { getT, negotiateLocale, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { jsonArrayStream } from '../lib/json-stream.server';
import { pathTo } from '../lib/paths';
import { parseQuery } from '../lib/query.server';
import { apiProblem, jsonProblem } from '../lib/problem.server';
import { feedQuery, hsdsListQuery, hsdsServicesQuery } from '../lib/api-schemas.server';
import type { z } from 'zod';

/** The version of HSDS the export follows. */
export const HSDS_VERSION = '3.1';

const OPEN = { 'access-control-allow-origin': '*', vary: 'Accept-Language' };

/**
 * Cercle's published groups in Open Referral's HSDS 3 API shape, under /api/v1/hsds: `/` (what
 * this is), `/services` and `/organizations` (pages), `/services/:id`, `/organizations/:id`, and
 * `/dataset.json` (every service, nested, streamed as a download). English or French: `lang`,
 * else Accept-Language.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const negotiated = negotiateLocale(request.headers.get('accept-language'));
  // What is asked for: the part of the path after /api/v1/hsds/ ('' for the root).
  const what = url.pathname.split('/')[4] ?? '';
  const schema: z.ZodObject = what === 'services' && !params.id ? hsdsServicesQuery : what === 'organizations' && !params.id ? hsdsListQuery : feedQuery;
  const query = parseQuery(schema, url, getT(negotiated));
  if (!query.ok) return jsonProblem(getT(negotiated), 400, 'invalid', query.issues.map((i) => i.message).join(' '), query.issues);
  const q = query.value as { lang?: Locale; page?: number; per_page?: number; organization_id?: string };
  const locale = q.lang ?? negotiated;
  const t = getT(locale);
  const ctx = coreContext(context, locale);
  const links: HsdsLinks = { pageUrl: (slug) => new URL(pathTo(locale, 'group', { slug }), context.settings.publicUrl).toString() };
  const paging = { page: q.page ?? 1, perPage: q.per_page ?? 50 };
  try {
    switch (what) {
      case '':
        return Response.json(
          { version: HSDS_VERSION, profile: 'https://specs.openreferral.org/en/latest/hsds/', openapi_url: new URL('/api/v1/openapi.json', context.settings.publicUrl).toString() },
          { headers: OPEN },
        );
      case 'services':
        return Response.json(
          params.id ? await hsdsServiceById(ctx, links, params.id) : await hsdsServicesPage(ctx, links, { ...paging, organizationId: q.organization_id }),
          { headers: OPEN },
        );
      case 'organizations':
        return Response.json(params.id ? await hsdsOrganizationById(ctx, params.id) : await hsdsOrganizationsPage(ctx, paging), { headers: OPEN });
      case 'dataset.json':
        return new Response(jsonArrayStream(hsdsAllServices(ctx, links), { prefix: `{"version":"${HSDS_VERSION}","services":`, suffix: '}' }), {
          headers: {
            ...OPEN,
            'content-type': 'application/json; charset=utf-8',
            'content-disposition': `attachment; filename="cercle-hsds-${locale}.json"`,
            'cache-control': 'public, max-age=300',
          },
        });
      default:
        return jsonProblem(t, 404, 'not_found', t('errors.notFound'));
    }
  } catch (err) {
    return apiProblem(err, t, { notFound: t('errors.notFound') });
  }
}
