import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPostgres } from './client';

// PostgreSQL only: the embedded database has no connections to close.
describe.runIf(process.env.TEST_ENGINE === 'postgres')('openPostgres', () => {
  it('close() returns only once every connection has closed', async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `cercle_close_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const handle = await openPostgres(url.toString(), { max: 8 });
      // Eight queries at once open eight connections.
      await Promise.all(Array.from({ length: 8 }, () => handle.db.execute(sql`select pg_sleep(0.05)`)));
      const before = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      expect(before.rows[0]!.n).toBe(8);
      await handle.close();
      const after = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      expect(after.rows[0]!.n).toBe(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
