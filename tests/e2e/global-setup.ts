import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, migrateDatabase } from '../../db/client';
import { insertE2eFixtures } from './fixtures/index';
import { startServer, type RunningServer } from './server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
  }
}

let server: RunningServer | undefined;
let dataDir: string | undefined;

/**
 * Builds nothing (npm test builds first): prepares an embedded database folder with factory
 * fixtures, then starts the built server on it once for all end-to-end tests.
 */
export async function setup(project: TestProject) {
  if (!existsSync(path.join(process.env.BUILD_DIR ?? 'build', 'server/index.js'))) {
    throw new Error('The app is not built: run `npm run build` first (npm test does it).');
  }
  dataDir = mkdtempSync(path.join(tmpdir(), 'cercle-e2e-'));
  const handle = await openPglite(dataDir);
  await migrateDatabase(handle);
  await insertE2eFixtures(handle.db, new Date());
  await handle.close();
  server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
  project.provide('baseURL', server.url);
  project.provide('dataDir', dataDir);
}

export async function teardown() {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
