import { mkdtempSync, rmSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { openPglite, migrateDatabase, type DatabaseHandle } from '../../db/client';
import { createAuth } from '../../server/auth';
import { users } from '../../db/schema';
import { launchBrowser } from '../e2e/browser';
import { startServer, type RunningServer } from '../e2e/server-process';
import { startSmtpReceiver, type SmtpReceiver } from './smtp';

// What a browser story needs: the built app on a data folder of its own (prepared first, when the
// story needs people or groups in it), a real SMTP receiver for its email, and a browser.

export interface Story {
  smtp: SmtpReceiver;
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  /** Stops all of it and removes the data folder (safe after a start that failed half way). */
  stop(): Promise<void>;
}

/**
 * Starts a story's app. `prepare` gets the story's embedded database, migrated, before the app
 * opens it; `env` adds settings of the app (a `SECRET_KEY` the test signs with, for one).
 */
export async function startStory(name: string, options: { prepare?: (handle: DatabaseHandle) => Promise<void>; env?: Record<string, string> } = {}): Promise<Story> {
  const started: Partial<Story> = {};
  const stop = async () => {
    await started.browser?.close();
    await started.server?.stop();
    await started.smtp?.stop();
    if (started.dataDir) rmSync(started.dataDir, { recursive: true, force: true });
  };
  try {
    started.smtp = await startSmtpReceiver();
    started.dataDir = mkdtempSync(path.join(tmpdir(), `cercle-${name}-`));
    if (options.prepare) {
      const handle = await openPglite(started.dataDir);
      try {
        await migrateDatabase(handle);
        await options.prepare(handle);
      } finally {
        await handle.close();
      }
    }
    started.server = await startServer({ DATA_DIR: started.dataDir, SEED_DEMO: 'false', SMTP_URL: started.smtp.url, WORKER_INTERVAL_MS: '200', ...options.env });
    started.browser = await launchBrowser();
    return { ...(started as Omit<Story, 'stop'>), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Accounts made through the authentication library, their addresses confirmed; their ids by email. */
export async function confirmedAccounts(
  handle: DatabaseHandle,
  signingKey: string,
  people: readonly (readonly [name: string, email: string])[],
  password: string,
  extra: Partial<typeof users.$inferInsert> = {},
): Promise<Record<string, string>> {
  const auth = createAuth(handle.db, { publicUrl: 'http://127.0.0.1', signingKey });
  const ids: Record<string, string> = {};
  for (const [name, email] of people) {
    const made = await auth.api.signUpEmail({ body: { name, email, password } });
    ids[email] = made.user.id;
  }
  await handle.db.update(users).set({ emailVerified: true, ...extra }).where(inArray(users.email, people.map(([, email]) => email)));
  return ids;
}
