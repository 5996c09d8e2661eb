import { announceNewArticles } from '../core/articles/subscriptions';
import type { Context } from '../core/context';
import { deliverOutbox, type SendEmail } from '../core/email/deliver-outbox';
import { decideCohorts } from '../core/worker/decide-cohorts';
import { queueReminders } from '../core/worker/queue-reminders';
import { releaseExpiredHolds } from '../core/registrations/holds';
import { queueCommunityDigests } from '../core/communities/notifications';
import { refreshSeatSearch } from '../core/worker/refresh-seat-search';
import { refreshPassedSearch } from '../core/worker/refresh-passed-search';
import { rollSessionsDue, rollSessionsForward } from '../core/worker/roll-sessions-forward';
import { forgetSettledPayloads } from '../core/email/forget-payloads';
import { purgeRequestLimits } from '../core/limits/rate-limit';

export interface Worker {
  /** Runs one pass now (tests and start-up); resolves when it is done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The background work of an app process: cohort decisions at their decision date, reminders,
 * the drop-in sessions of the coming weeks (made from schedules, once an hour),
 * and email delivery from the outbox. Every step is safe to run in several processes at once
 * (row locks, SKIP LOCKED claims, idempotency keys), so each process simply runs its own.
 */
export function startWorker(options: {
  context: () => Context;
  send: SendEmail;
  intervalMs: number;
  /** How long a claimed batch of emails waits before another worker retries it (OUTBOX_LEASE_SECONDS). */
  leaseMs?: number;
  log?: (message: string, err?: unknown) => void;
}): Worker {
  const log = options.log ?? ((message, err) => console.error(message, err));
  let running: Promise<void> | null = null;
  // Search rows are refreshed for what changed since the previous pass (with a minute of overlap).
  let searchSince = new Date(options.context().now.getTime() - 60_000);
  let stopped = false;
  // Sessions are made weeks ahead; moving that window on once an hour is plenty.
  let lastRoll: Date | null = null;

  const pass = async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ['cohort decisions', () => decideCohorts(options.context())],
      ['reminders', () => queueReminders(options.context())],
      // Places held for addresses never proven go back to the session (decision 0010).
      ['releasing holds', () => releaseExpiredHolds(options.context())],
      // New articles, to the people subscribed to them (one email each, through the outbox).
      ['new articles', () => announceNewArticles(options.context())],
      // Daily digests of online communities, for the members who chose one.
      ['community digests', () => queueCommunityDigests(options.context())],
      [
        'rolling sessions forward',
        async () => {
          const ctx = options.context();
          if (!rollSessionsDue(lastRoll, ctx.now)) return;
          lastRoll = ctx.now; // also after a failure: the next try is an hour later, not every pass
          await rollSessionsForward(ctx);
          // Once an hour too: rate-limit counters whose window ended, and the links and tokens
          // of emails settled long enough ago.
          await purgeRequestLimits(ctx);
          await forgetSettledPayloads(ctx);
        },
      ],
      [
        'search refresh',
        async () => {
          const ctx = options.context();
          const since = searchSince;
          await refreshSeatSearch(ctx, since);
          await refreshPassedSearch(ctx);
          searchSince = new Date(ctx.now.getTime() - 60_000);
        },
      ],
      [
        'email delivery',
        async () => {
          // Drain what is due, batch after batch, until a batch sends nothing new.
          for (let i = 0; i < 50 && !stopped; i++) {
            const { sent, failed } = await deliverOutbox(options.context(), options.send, 20, options.leaseMs);
            if (sent + failed === 0 || sent === 0) break;
          }
        },
      ],
    ];
    for (const [name, step] of steps) {
      if (stopped) return;
      try {
        await step();
      } catch (err) {
        log(`Worker: ${name} failed; will retry on the next pass.`, err);
      }
    }
  };

  const tick = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
