import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchBrowser, newPage } from './browser';
import { startServer, type RunningServer } from './server-process';

// A closed group with two cohorts on different weekdays, as the demo has it: each cohort lists its
// own sessions, on the page and in the API, right after seeding and after the server restarts
// (each start rolls sessions forward from the schedules).
const browserMissing = !hasChromium() && process.env.CI !== 'true';
const SLUG = 'ottawa-loss-of-a-partner-8-weeks';
const ZONE = 'America/Toronto';

interface GroupBody {
  sessions: { id: string; starts_at: string; cohort_id: string | null }[];
  cohorts: { id: string; session_count: number }[];
}

const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).setLocale('en').toFormat('ccc HH:mm');

describe.skipIf(browserMissing)('a group with two cohorts, across a restart', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cercle-journeys-cohorts-'));
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'true' }, { timeoutMs: 120_000 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Each cohort's sessions as the API lists them, checked to be on one weekday and time each. */
  async function cohortsFromApi() {
    const res = await fetch(`${server.url}/api/v1/groups/${SLUG}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as GroupBody;
    expect(body.cohorts).toHaveLength(2);
    return body.cohorts.map((c) => {
      const sessions = body.sessions.filter((s) => s.cohort_id === c.id);
      expect(sessions).toHaveLength(c.session_count);
      return { id: c.id, starts: sessions.map((s) => s.starts_at), rhythm: [...new Set(sessions.map((s) => local(s.starts_at)))] };
    });
  }

  /** What the page shows under each cohort: the datetimes of its sessions. */
  async function cohortsOnPage() {
    const { page, assertClean } = await newPage(browser, server.url);
    await page.goto(`/en/groups/${SLUG}`);
    await page.locator('.cohort').first().waitFor();
    const shown = await page
      .locator('.cohort')
      .evaluateAll((els) => els.map((el) => [...el.querySelectorAll('li.session time')].map((t) => new Date(t.getAttribute('datetime')!).toISOString())));
    await assertClean();
    return shown;
  }

  async function check() {
    const api = await cohortsFromApi();
    // A Tuesday-evening cohort and a Thursday-afternoon one, each on its own day only.
    expect(api.map((c) => c.rhythm)).toEqual([['Tue 18:30'], ['Thu 13:30']]);
    expect(await cohortsOnPage()).toEqual(api.map((c) => c.starts));
    return api;
  }

  it('keeps each cohort’s sessions on its own day, on the page and in the API, after a restart', async () => {
    const before = await check();
    await server.stop();
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'true' }, { timeoutMs: 120_000 });
    const after = await check();
    // The same sessions: the restart's roll-forward neither moved nor added any.
    expect(after).toEqual(before);
  });
});
