import type { Route } from './+types/healthz';
import { checkDatabase } from '../../core/health/check-database';
import { coreContext } from '../lib/context.server';

/**
 * Liveness and database status: 200 when the database answers, 503 when it does not. Anyone may
 * read it, so the database's own error (addresses, names, versions) goes to the server's log only.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { error, ...database } = await checkDatabase({ ctx: coreContext(context, 'en') });
  if (error) console.warn(`healthz: the database did not answer: ${error}`);
  return Response.json(
    { status: database.ok ? 'ok' : 'error', database: { engine: context.handle.engine, ...database } },
    { status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
