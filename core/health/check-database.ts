import { sql } from 'drizzle-orm';
import type { Context } from '../context';

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Runs a trivial query and times it. Never throws: a failure is reported as `ok: false`. */
export async function checkDatabase({ ctx }: { ctx: Context }): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await ctx.db.execute(sql`select 1`);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    // The driver's reason (drizzle wraps it as the cause of "Failed query").
    const cause = (err as Error).cause;
    const error = [(err as Error).message, cause instanceof Error ? cause.message : ''].filter(Boolean).join(' — ');
    return { ok: false, latencyMs: Math.round(performance.now() - started), error };
  }
}
