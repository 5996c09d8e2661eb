// The benchmarks that drive the built server over N generated groups on PostgreSQL share this:
// build the app when there is no build, make (or, with `--keep NAME`, reuse) a database of
// generated groups, run, and drop the database unless it is kept.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPostgres, migrateDatabase, type DatabaseHandle } from '../db/client';
import { generateGroups } from './search-data';

const log = (line: string) => process.stderr.write(`${line}\n`);

export function ensureBuild(buildDir: string): void {
  if (existsSync(path.join(buildDir, 'server/index.js'))) return;
  log(`Building the app into ${buildDir}/ first`);
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, BUILD_DIR: buildDir } });
}

/**
 * Runs `work` on a PostgreSQL database holding `groups` generated groups (migrated, open): a new
 * one named after `prefix`, dropped afterwards, or the one named `kept`, made once and reused.
 */
export async function withGeneratedGroups<T>(
  options: { pgUrl: string; groups: number; prefix: string; kept: string },
  work: (db: { url: string; handle: DatabaseHandle }) => Promise<T>,
): Promise<T> {
  const name = options.kept || `${options.prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: options.pgUrl });
  await admin.connect();
  const exists = options.kept !== '' && (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = Object.assign(new URL(options.pgUrl), { pathname: `/${name}` }).toString();
  try {
    log(`== PostgreSQL, ${options.groups.toLocaleString('en')} groups${exists ? ` (kept in ${name})` : ''}`);
    const handle = await openPostgres(url);
    try {
      await migrateDatabase(handle);
      if (!exists) await generateGroups(handle.db, options.groups, (step, done, total) => log(`  ${step}: ${done.toLocaleString('en')}/${total.toLocaleString('en')}`));
      return await work({ url, handle });
    } finally {
      await handle.close();
    }
  } finally {
    if (!options.kept) {
      const a = new pg.Client({ connectionString: options.pgUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    }
  }
}
