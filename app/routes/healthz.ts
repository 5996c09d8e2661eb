import type { Route } from './+types/healthz';
import { checkDatabase } from '../../core/health/check-database';
import { coreContext } from '../lib/context.server';

/** Liveness and database status: 200 when the database answers, 503 when it does not. */
export async function loader({ context }: Route.LoaderArgs) {
  const database = await checkDatabase({ ctx: coreContext(context, 'en') });
  return Response.json(
    { status: database.ok ? 'ok' : 'error', database: { engine: context.handle.engine, ...database } },
    { status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
