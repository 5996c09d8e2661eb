import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { requestLimits } from '../../db/schema';
import { createContext } from '../context';
import { RateLimited } from '../errors';
import { consume, emailKey, joinLimits, purgeRequestLimits } from './rate-limit';

const NOW = new Date('2026-12-06T12:00:00Z');
let t: TestDatabase;
const at = (ms: number, client?: string) => createContext(t.db, { now: new Date(NOW.getTime() + ms), ...(client ? { client: { ip: client } } : {}) });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('rate limits kept in the database', () => {
  it('counts in fixed windows: the request past the limit is refused until the window ends, then counting starts again', async () => {
    const limit = { key: 'test:window', max: 2, windowMs: 60_000 };
    await consume(at(0), [limit]);
    await consume(at(10_000), [limit]);
    const refused = await consume(at(20_000), [limit]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect(refused).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 40 });
    // Hammering does not shorten the wait, nor reset it.
    await expect(consume(at(59_000), [limit])).rejects.toMatchObject({ retryAfterSeconds: 1 });
    await expect(consume(at(60_000), [limit])).resolves.toBeUndefined();
  });

  it('refuses when any one of several limits is over, with the longest wait', async () => {
    const short = { key: 'test:short', max: 1, windowMs: 60_000 };
    const long = { key: 'test:long', max: 1, windowMs: 3_600_000 };
    await consume(at(0), [short, long]);
    await expect(consume(at(1000), [short, long])).rejects.toMatchObject({ retryAfterSeconds: 3599 });
  });

  it('keeps no email address: recipients are counted under a keyed hash', async () => {
    const ctx = at(0, '198.51.100.4');
    const keys = joinLimits(ctx, 'Someone@Example.org', 'session:s1').map((l) => l.key);
    expect(keys).toEqual(['join:ip:198.51.100.4', `join:to:${emailKey(ctx, 'someone@example.org')}:session:s1`, `join:to:${emailKey(ctx, 'someone@example.org')}`]);
    expect(keys.join(' ')).not.toContain('example.org');
    // Without a client address (the system, tests of core), only the recipient limits count.
    expect(joinLimits(at(0), 'someone@example.org', 'session:s1')).toHaveLength(2);
  });

  it('forgets counters whose window ended', async () => {
    await consume(at(0), [{ key: 'test:purge', max: 5, windowMs: 60_000 }]);
    expect(await purgeRequestLimits(at(7_200_000))).toBeGreaterThan(0);
    expect((await t.db.select().from(requestLimits)).map((r) => r.key)).not.toContain('test:purge');
  });
});
