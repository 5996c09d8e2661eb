import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { listen, type Listener } from '../../db/listen';
import type { Context } from '../context';

// Live updates of a community (SPEC §4): a new post or comment is announced on a PostgreSQL
// notification channel in the transaction that writes it, so the notice goes out only once it is
// committed, to every app process on the database. Each process holds one listener for all
// communities and hands each notice to the pages open on that community (Server-Sent Events).
// A notice carries ids only: what a reader is then shown comes from the page's own loader, with
// its permissions.

export const COMMUNITY_CHANNEL = 'cercle_community';

export interface LiveEvent {
  /** A post or a comment in a community (`postId`: the post), or a message in a conversation (`postId`: the conversation). */
  kind: 'post' | 'comment' | 'message';
  postId: string;
}

/**
 * Announces news (call it in the writing transaction) to those listening on `key`: a community's
 * id for its posts and comments, a conversation's id for its messages.
 */
export async function announceLive(tx: Context, key: string, event: LiveEvent): Promise<void> {
  await tx.db.execute(sql`select ${liveNotice(key, event.kind, event.postId)}`);
}

/**
 * The same announcement as an expression, for the statement that writes to carry it (in its
 * `returning`): the news and the write then travel in one round trip. `postId` may be a column.
 */
export function liveNotice(key: string, kind: LiveEvent['kind'], postId: string | SQLWrapper): SQL<string> {
  return sql<string>`pg_notify(${COMMUNITY_CHANNEL}, ${`${key} ${kind} `}::text || ${postId}::text)`;
}

type Subscriber = (event: LiveEvent | 'lost') => void;

/** One process's listener, and who is waiting for news of which community. */
export class LiveHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private listener: Promise<Listener> | null = null;

  constructor(private readonly db: Database) {}

  /** Calls `fn` with each event of a community until the returned function is called. */
  async subscribe(groupId: string, fn: Subscriber): Promise<() => void> {
    this.listener ??= listen(this.db, COMMUNITY_CHANNEL, (payload) => this.dispatch(payload), () => this.lost()).catch((err: unknown) => {
      this.listener = null;
      throw err;
    });
    await this.listener;
    const set = this.subscribers.get(groupId) ?? new Set();
    set.add(fn);
    this.subscribers.set(groupId, set);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.subscribers.delete(groupId);
    };
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    const l = this.listener;
    this.listener = null;
    await (await l?.catch(() => null))?.close();
  }

  private dispatch(payload: string): void {
    const [groupId, kind, postId] = payload.split(' ');
    if (!groupId || !postId || (kind !== 'post' && kind !== 'comment' && kind !== 'message')) return;
    for (const fn of this.subscribers.get(groupId) ?? []) fn({ kind, postId });
  }

  /** The listening connection dropped: pages may have missed news, and are told to look again. */
  private lost(): void {
    for (const set of this.subscribers.values()) for (const fn of set) fn('lost');
  }
}

const hubs = new WeakMap<Database, LiveHub>();

/** The hub of a database in this process (created on first use). */
export function liveHub(db: Database): LiveHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new LiveHub(db);
    hubs.set(db, hub);
  }
  return hub;
}

/** Stops this process's listener of a database (at shutdown). */
export async function closeLiveHub(db: Database): Promise<void> {
  await hubs.get(db)?.close();
  hubs.delete(db);
}
