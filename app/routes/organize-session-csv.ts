import '../../i18n/areas/running';
import { data, redirect } from 'react-router';
import type { Route } from './+types/organize-session-csv';
import { getT } from '../../i18n';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { exportRegistrantsCsv, runningError, sessionRegistrantsFor } from '../lib/running.server';
import { pathTo } from '../lib/paths';

// The people of one session as a CSV file (UTF-8 with a byte-order mark), for its organizers.
// Exporting writes the audit log, so it is a POST from the session's page (with its CSRF token);
// a GET (an old bookmark) only leads those allowed to see the people to that page.

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, org } = await organizerPage({ request, context, params }, locale);
  await sessionRegistrantsFor(ctx, org.slug, params.session, locale);
  throw redirect(pathTo(locale, 'orgSession', { org: org.slug, session: params.session }), 303);
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, org } = await organizerForm({ request, context, params }, locale);
  try {
    const out = await exportRegistrantsCsv({ ctx, input: { sessionId: params.session } });
    if (out.organizationSlug !== org.slug) throw data(t('running.errors.notFound'), { status: 404 });
    return new Response(out.csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${out.filename.replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof Response) throw err;
    const e = runningError(err, t);
    throw data(e.message, { status: e.status });
  }
}
