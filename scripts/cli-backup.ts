// `npm run cercle -- backup --output <file>` and `npm run cercle -- restore <file>`: the server's
// whole database in one file and back. The embedded database is saved as its data folder's
// archive (PGlite's own dump); PostgreSQL with pg_dump's custom format, restored by pg_restore.
// A restore only fills an empty database: it never writes over one. Files kept beside the
// database (DATA_DIR/files: community images) are copied as files.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import pg from 'pg';
import { openPglite, restorePgliteDataDir, DataFolderLockedError } from '../db/client';
import { readConfig, ConfigError } from '../server/config';
import { fail } from './cli-database';

function config() {
  try {
    return readConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
}

/** Runs a PostgreSQL client program; fails with its own words when it is missing or refuses. */
function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'ENOENT' ? `${program} is not installed: install PostgreSQL's client programs (Debian: postgresql-client).` : err.message)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program} failed: ${errors.trim()}`))));
  });
}

/** Steps of a backup or restore, shown as a bar on a terminal. */
function steps(total: number) {
  const bar = new SingleBar({ format: '{step} [{bar}] {value}/{total}', clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0, { step: '' });
  return { next: (step: string) => bar.increment({ step }), done: () => bar.stop() };
}

const where = (c: ReturnType<typeof config>) => (c.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${path.resolve(c.DATA_DIR)}`);

export async function backupCommand(output: string): Promise<string> {
  const c = config();
  const bar = steps(2);
  try {
    if (c.DATABASE_URL) {
      bar.next('Dumping');
      await run('pg_dump', ['--format=custom', '--no-owner', `--file=${output}`, `--dbname=${c.DATABASE_URL}`]);
      bar.next('Written');
    } else {
      bar.next('Reading');
      let handle;
      try {
        handle = await openPglite(c.DATA_DIR);
      } catch (err) {
        if (err instanceof DataFolderLockedError) fail(`The embedded database in ${err.dataDir} is in use by a running Cercle server.\nStop the server, run this command again, then start the server.`, 1);
        throw err;
      }
      try {
        const archive = await handle.dumpDataDir!();
        await writeFile(output, Buffer.from(await archive.arrayBuffer()));
      } finally {
        await handle.close();
      }
      bar.next('Written');
    }
  } finally {
    bar.done();
  }
  return `Saved ${where(c)} to ${output}.`;
}

export async function restoreCommand(file: string): Promise<string> {
  const c = config();
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    fail(`Cannot read ${file}: ${(err as Error).message}`, 1);
  }
  // pg_dump's custom format starts with PGDMP; PGlite's archive is gzip (1f 8b).
  const fromPostgres = data.subarray(0, 5).toString('latin1') === 'PGDMP';
  const fromPglite = data[0] === 0x1f && data[1] === 0x8b;
  if (c.DATABASE_URL ? !fromPostgres : !fromPglite) {
    fail(`${file} is not a backup of ${c.DATABASE_URL ? 'a PostgreSQL database (pg_dump)' : 'an embedded database'}: a backup is restored into the same kind of database.`, 1);
  }
  const bar = steps(2);
  try {
    if (c.DATABASE_URL) {
      bar.next('Checking');
      const client = new pg.Client({ connectionString: c.DATABASE_URL });
      await client.connect();
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      await client.end();
      if (rows[0]!.n > 0) fail(`The database of DATABASE_URL is not empty: restore into a new, empty database.`, 1);
      await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${c.DATABASE_URL}`, file]);
      bar.next('Restored');
    } else {
      bar.next('Restoring');
      try {
        await restorePgliteDataDir(c.DATA_DIR, new Blob([new Uint8Array(data)]));
      } catch (err) {
        if (err instanceof DataFolderLockedError) fail(`The embedded database in ${err.dataDir} is in use by a running Cercle server.`, 1);
        if (/already holds a database/.test((err as Error).message)) fail(`${path.resolve(c.DATA_DIR)} already holds a database: restore into an empty DATA_DIR.`, 1);
        throw err;
      }
      bar.next('Restored');
    }
  } finally {
    bar.done();
  }
  return `Restored ${file} into ${where(c)}.`;
}
