import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from 'drizzle-orm/logger';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database as every core action sees it: the same type on PGlite and on PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Runs `fn` while holding the database-wide migration lock (one process at a time). */
  withMigrationLock<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** The embedded database's whole data folder as a gzipped tar archive (PGlite only: a backup). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'db/migrations');

export { DataFolderLockedError } from './data-folder-lock';

function newPglite(dataDir?: string): PGlite {
  return new PGlite({ dataDir, extensions: { unaccent, pg_trgm, fuzzystrmatch } });
}

/**
 * Opens the embedded database. With a folder, the folder is locked for this process first: PGlite
 * does not lock it itself, and two writers on one folder lose data. Without a folder, the
 * database lives in memory (tests).
 */
export async function openPglite(dataDir?: string, options: { logger?: Logger } = {}): Promise<DatabaseHandle> {
  let lock: DataFolderLock | undefined;
  let pgdata: string | undefined;
  if (dataDir) {
    const dir = path.resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    lock = await lockDataFolder(dir);
    pgdata = path.join(dir, 'pgdata');
  }
  const client = newPglite(pgdata);
  await client.waitReady;
  const db = drizzlePglite(client, { schema, logger: options.logger }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    // PGlite is a single connection inside this process, and the folder lock keeps other
    // processes out, so there is nothing more to lock.
    withMigrationLock: (fn) => fn(db),
    dumpDataDir: () => client.dumpDataDir('gzip'),
    async close() {
      await client.close();
      await lock?.release();
    },
  };
}

/**
 * Makes the embedded database of `dataDir` from an archive of `dumpDataDir` (a restore). The
 * folder must hold no database yet: a restore never writes over one.
 */
export async function restorePgliteDataDir(dataDir: string, archive: Blob): Promise<void> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = await lockDataFolder(dir);
  try {
    const pgdata = path.join(dir, 'pgdata');
    if (existsSync(pgdata) && readdirSync(pgdata).length > 0) throw new Error(`${dir} already holds a database`);
    const client = new PGlite({ dataDir: pgdata, loadDataDir: archive, extensions: { unaccent, pg_trgm, fuzzystrmatch } });
    await client.waitReady;
    await client.close();
  } finally {
    await lock.release();
  }
}

// Any constant shared by all app processes on one database.
const MIGRATION_LOCK_KEY = 4_208_311;

export async function openPostgres(url: string, options: { max?: number; logger?: Logger } = {}): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // A failing idle client must not crash the process; the next query reports the problem.
  pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
  // The pool's end() resolves once it has let go of its connections, not once they have closed;
  // close() waits for that too, so nothing is still connected when it returns (a database dropped
  // right after, say, would otherwise cut those connections and report errors later).
  const open = new Set<pg.ClientBase>();
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
  });
  const db = drizzlePg(pool, { schema, logger: options.logger }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    async withMigrationLock(fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn(drizzlePg(client, { schema }) as unknown as Database);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    async close() {
      const closed = [...open].map((client) => new Promise<void>((resolve) => client.once('end', () => resolve())));
      await pool.end();
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    },
  };
}

/** Applies the committed SQL migrations that this database has not seen yet. */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  await handle.withMigrationLock(async (db) => {
    if (handle.engine === 'pglite') {
      await migratePglite(db as never, { migrationsFolder });
    } else {
      await migratePg(db as never, { migrationsFolder });
    }
  });
}

export { schema };
