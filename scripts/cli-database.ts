// Opening the server's database from a command: DATABASE_URL (PostgreSQL) when set, else the
// embedded database in DATA_DIR; migrations applied. A problem ends the command with a message and
// its exit code: 2 for the configuration, 1 for a database that cannot be used.
import path from 'node:path';
import { DataFolderLockedError, migrateDatabase, openPglite, openPostgres, type DatabaseHandle } from '../db/client';
import { readConfig, ConfigError } from '../server/config';

export function fail(message: string, exitCode: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

export async function openServerDatabase(): Promise<{ handle: DatabaseHandle; where: string; publicUrl: string }> {
  let config;
  try {
    config = readConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
  let handle: DatabaseHandle;
  try {
    handle = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL, { max: 2 }) : await openPglite(path.join(config.DATA_DIR));
  } catch (err) {
    if (err instanceof DataFolderLockedError) {
      fail(`The embedded database in ${err.dataDir} is in use by a running Cercle server.\nStop the server, run this command again, then start the server.`, 1);
    }
    fail(`Could not open the database: ${(err as Error).message}`, 1);
  }
  await migrateDatabase(handle);
  const where = handle.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${path.resolve(config.DATA_DIR)}`;
  return { handle, where, publicUrl: config.publicUrl };
}
