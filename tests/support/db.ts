import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, migrateDatabase, type Database, type Engine } from '../../db/client';

export interface TestDatabase {
  db: Database;
  engine: Engine;
  /** The time it is for this test file: factories and contexts take it from here, never the wall clock. */
  now: Date;
  close(): Promise<void>;
}

/** The engine this test run exercises: `TEST_ENGINE=postgres` (with TEST_DATABASE_URL) or PGlite. */
export function testEngine(): Engine {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new, empty database on the PostgreSQL server of `base` (a URL), with its URL and how to drop it. */
export async function scratchPostgres(base: string, prefix = 'cercle_test'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  return { name, url: withDatabaseName(base, name), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * A fresh, migrated, empty database of its own: an in-memory PGlite, or a new database created
 * on the PostgreSQL server of TEST_DATABASE_URL (dropped again by close()). `now` is the test's
 * clock, which the factories use.
 */
export async function createTestDatabase({ now }: { now: Date }): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const handle = await openPglite();
    await migrateDatabase(handle);
    return { db: handle.db, engine: 'pglite', now, close: () => handle.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const scratch = await scratchPostgres(base);
  const handle = await openPostgres(scratch.url, { max: 20 });
  await migrateDatabase(handle);
  return {
    db: handle.db,
    engine: 'postgres',
    now,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}
