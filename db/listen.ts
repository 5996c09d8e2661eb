import pg from 'pg';
import type { Database } from './client';

// Hearing a PostgreSQL notification channel (LISTEN/NOTIFY) from a database handle: PGlite's own
// `listen`, or a dedicated node-postgres client beside the pool (a pooled connection cannot keep
// listening). Notifications sent in a transaction arrive once it commits, to every process on
// the same database. When the dedicated connection drops it reconnects, and `onLost` tells the
// caller that notices may have been missed meanwhile.

export interface Listener {
  close(): Promise<void>;
}

type PgliteLike = { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> };
type PoolLike = { options: pg.ClientConfig };

export async function listen(
  db: Database,
  channel: string,
  onNotice: (payload: string) => void,
  onLost: () => void,
  /** How the dedicated connection shows in pg_stat_activity. */
  applicationName = `cercle-listen-${channel.replace(/_/g, '-')}`,
): Promise<Listener> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const client = (db as unknown as { $client: unknown }).$client;
  if (client && typeof (client as PgliteLike).listen === 'function') {
    const unlisten = await (client as PgliteLike).listen(channel, onNotice);
    return { close: () => unlisten() };
  }
  const options = (client as PoolLike | undefined)?.options;
  if (!options) throw new Error('Listening needs a PGlite client or a node-postgres pool');
  let closed = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ ...options, application_name: applicationName } as pg.ClientConfig);
    let lost = false;
    const onDown = () => {
      if (lost || closed) return;
      lost = true;
      current = undefined;
      c.end().catch(() => {});
      onLost();
      retry = setTimeout(() => void connect().catch(onDown), 1_000);
      retry.unref();
    };
    c.on('error', onDown);
    c.on('end', onDown);
    c.on('notification', (n) => n.channel === channel && onNotice(n.payload ?? '*'));
    await c.connect();
    await c.query(`listen ${channel}`);
    current = c;
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await current?.end().catch(() => {});
    },
  };
}
