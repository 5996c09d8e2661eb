import { describe, expect, it, vi } from 'vitest';
import type { AppLoadContext } from 'react-router';
import { openPostgres } from '../../db/client';
import { loader } from './healthz';

describe('/healthz', () => {
  it('says the database is down without showing its error, which goes to the log', async () => {
    // A PostgreSQL that is not there: the driver's error names the address it tried.
    const handle = await openPostgres('postgres://cercle:secret@127.0.0.1:9/nowhere', { max: 1 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const context = { handle, config: { RATE_LIMITS: false }, settings: { publicUrl: 'http://localhost', signingKey: 'k' } } as unknown as AppLoadContext;
      const res = (await loader({ context } as never)) as Response;
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ status: 'error', database: { engine: 'postgres', ok: false } });
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|nowhere/);
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/healthz: the database did not answer: [\s\S]*ECONNREFUSED 127\.0\.0\.1:9/);
    } finally {
      warn.mockRestore();
      await handle.close();
    }
  });
});
