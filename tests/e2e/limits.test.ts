import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../core/limits/rate-limit';
import { startServer, type RunningServer } from './server-process';

// The per-address limits as a browser meets them, on a server of its own (its counters would
// otherwise hold back the other browser tests, which all come from this machine). The server
// trusts the loopback proxy, so each test speaks for a client address of its own.
describe('limits on the public forms', () => {
  let server: RunningServer;
  let dataDir: string;
  let reportPath: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cercle-limits-'));
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'true', WORKER: 'off', TRUST_PROXY: 'loopback' }, { timeoutMs: 120_000 });
    const found = (await (await fetch(`${server.url}/api/v1/groups?per_page=1&facets=false`, { headers: { 'accept-language': 'fr' } })).json()) as {
      results: { slug: string }[];
    };
    // The report form's own address, after any redirect to the group's canonical French address.
    const page = await fetch(`${server.url}/fr/groupes/${found.results[0]!.slug}/signaler`);
    expect(page.status).toBe(200);
    reportPath = new URL(page.url).pathname;
  }, 150_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const report = (client: string) =>
    fetch(`${server.url}${reportPath}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
      body: new URLSearchParams({ reason: 'wrong_information', details: 'The time changed.', email: '' }),
    });

  it(`takes ${LIMITS.reportPerAddress.max} listing reports an hour from one address, then says, in the page's language, when to try again`, async () => {
    for (let i = 0; i < LIMITS.reportPerAddress.max; i++) expect((await report('198.51.100.61')).status).toBe(303);
    const refused = await report('198.51.100.61');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await refused.text()).toContain('Trop de tentatives en peu de temps');
    // Someone else, behind the same proxy, is not held back.
    expect((await report('198.51.100.62')).status).toBe(303);
  });
});
