import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rows } from '../search/rows';

// Failed sign-ins per account, on top of the library's per-address limits: someone trying many
// passwords for one account from many addresses is slowed down too. Counts live in the library's
// rate-limit table (shared by every app process) under a key of their own.

export const ACCOUNT_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_MAX_FAILURES = 10;

const keyOf = (email: string) => `account-sign-in:${email.trim().toLowerCase()}`;

/** Whether this account has had too many failed sign-ins in the current window. */
export async function signInLocked(db: Database, email: string, now: Date): Promise<boolean> {
  const [row] = await rows<{ count: number; last_request: string | number }>(
    db,
    sql`select count, last_request from auth_rate_limits where key = ${keyOf(email)}`,
  );
  return !!row && now.getTime() - Number(row.last_request) < ACCOUNT_WINDOW_MS && row.count >= ACCOUNT_MAX_FAILURES;
}

/** Counts one failed sign-in (a window restarts once the last failure is older than the window). */
export async function recordFailedSignIn(db: Database, email: string, now: Date): Promise<void> {
  const at = now.getTime();
  await db.execute(sql`
    insert into auth_rate_limits (id, key, count, last_request) values (gen_random_uuid()::text, ${keyOf(email)}, 1, ${at})
    on conflict (key) do update set
      count = case when ${at} - auth_rate_limits.last_request >= ${ACCOUNT_WINDOW_MS} then 1 else auth_rate_limits.count + 1 end,
      last_request = ${at}`);
}

/** A successful sign-in clears the count. */
export async function clearFailedSignIns(db: Database, email: string): Promise<void> {
  await db.execute(sql`delete from auth_rate_limits where key = ${keyOf(email)}`);
}

// Sign-ups per email address: each attempt sends a verification email, so someone typing another
// person's address again and again would flood their inbox. A few attempts an hour are enough.
export const SIGN_UP_WINDOW_MS = 60 * 60_000;
export const SIGN_UP_MAX_ATTEMPTS = 3;

/**
 * Counts a sign-up attempt for this address and says whether it may go ahead (false once the
 * address has had its attempts for the hour).
 */
export async function allowSignUpAttempt(db: Database, email: string, now: Date): Promise<boolean> {
  const at = now.getTime();
  const key = `account-sign-up:${email.trim().toLowerCase()}`;
  const [row] = await rows<{ count: number }>(
    db,
    sql`insert into auth_rate_limits (id, key, count, last_request) values (gen_random_uuid()::text, ${key}, 1, ${at})
      on conflict (key) do update set
        count = case when ${at} - auth_rate_limits.last_request >= ${SIGN_UP_WINDOW_MS} then 1 else auth_rate_limits.count + 1 end,
        last_request = case when ${at} - auth_rate_limits.last_request >= ${SIGN_UP_WINDOW_MS} then ${at} else auth_rate_limits.last_request end
      returning count`,
  );
  return (row?.count ?? 0) <= SIGN_UP_MAX_ATTEMPTS;
}
