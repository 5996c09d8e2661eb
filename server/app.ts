import express from 'express';
import { createRequestHandler } from '@react-router/express';
import 'react-router';
import { openPglite, openPostgres, migrateDatabase, type DatabaseHandle } from '../db/client';
import { seedIfEmpty } from '../db/seed';
import type { Config } from './config';
import path from 'node:path';

declare module 'react-router' {
  interface AppLoadContext {
    handle: DatabaseHandle;
    config: Config;
  }
}

let state: { handle: DatabaseHandle; config: Config } | undefined;

/**
 * Opens the database (locking the embedded folder), applies migrations and, on an empty
 * database, the demo data. Called once per process before the server listens.
 */
export async function boot(config: Config, log: (line: string) => void = console.log): Promise<DatabaseHandle> {
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE })
    : await openPglite(path.join(config.DATA_DIR));
  log(
    handle.engine === 'postgres'
      ? 'Database: PostgreSQL (DATABASE_URL)'
      : `Database: embedded PGlite in ${path.resolve(config.DATA_DIR)}`,
  );
  await migrateDatabase(handle);
  if (config.SEED_DEMO) {
    const seeded = await handle.withMigrationLock((db) => seedIfEmpty(db, { now: new Date() }));
    if (seeded) log('Demo data: seeded an empty database');
  }
  state = { handle, config };
  return handle;
}

export async function shutdown(): Promise<void> {
  const s = state;
  state = undefined;
  await s?.handle.close();
}

export const app = express();
app.disable('x-powered-by');
app.use(
  createRequestHandler({
    build: () => import('virtual:react-router/server-build'),
    getLoadContext() {
      if (!state) throw new Error('boot() has not run');
      return state;
    },
  }),
);
export { readConfig } from './config';
