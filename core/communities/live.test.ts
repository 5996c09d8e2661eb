import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember } from '../../tests/support/factories';
import { actingAs, createCommunity, joinedMember } from '../../tests/support/communities';
import { withTransaction } from '../context';
import { createComment, createPost } from './posts';
import { closeLiveHub, liveHub, type LiveEvent } from './live';

const NOW = new Date('2026-12-06T15:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await closeLiveHub(t.db);
  await t.close();
});

/** Events heard for a community, and a way to wait for the n-th. */
async function heard(groupId: string) {
  const events: (LiveEvent | 'lost')[] = [];
  const off = await liveHub(t.db).subscribe(groupId, (e) => events.push(e));
  const waitFor = async (n: number) => {
    for (let i = 0; i < 100 && events.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    return events;
  };
  return { events, off, waitFor };
}

describe('live news of a community', () => {
  it('announces posts and comments of that community once committed, and nothing of others or of what was rolled back', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await createCommunity(t, { organizationId });
    const other = await createCommunity(t, { organizationId });
    const ana = await joinedMember(t, g.id, owner.id, 'Ana', NOW);
    const bo = await joinedMember(t, other.id, owner.id, 'Bo', NOW);
    const here = await heard(g.id);
    const there = await heard(other.id);

    const { postId } = await createPost({ ctx: actingAs(t, ana.id, NOW), input: { community: g.id, body: 'Hello' } });
    await createComment({ ctx: actingAs(t, ana.id, NOW), input: { postId, body: 'Me again' } });
    expect(await here.waitFor(2)).toEqual([
      { kind: 'post', postId },
      { kind: 'comment', postId },
    ]);
    // A post written in a transaction that fails is never announced.
    await expect(
      withTransaction(actingAs(t, bo.id, NOW), async (tx) => {
        await createPost({ ctx: tx, input: { community: other.id, body: 'Never mind' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((r) => setTimeout(r, 200));
    expect(there.events).toEqual([]);
    // Once unsubscribed, nothing more.
    here.off();
    await createPost({ ctx: actingAs(t, ana.id, NOW), input: { community: g.id, body: 'Again' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(here.events).toHaveLength(2);
    there.off();
  });
});
