import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import {
  ACCOUNT_MAX_FAILURES,
  ACCOUNT_WINDOW_MS,
  SIGN_UP_MAX_ATTEMPTS,
  SIGN_UP_WINDOW_MS,
  allowSignUpAttempt,
  clearFailedSignIns,
  recordFailedSignIn,
  signInLocked,
} from './sign-in-throttle';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ now: new Date('2026-11-27T15:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

describe('failed sign-ins per account', () => {
  it('locks an account after too many failures in the window, whatever the case of the email, then lets it go', async () => {
    const start = new Date('2026-11-27T10:00:00Z');
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) await recordFailedSignIn(t.db, 'Someone@Example.org', new Date(start.getTime() + i * 1000));
    expect(await signInLocked(t.db, 'someone@example.org', start)).toBe(false);
    await recordFailedSignIn(t.db, 'someone@example.org', new Date(start.getTime() + 60_000));
    expect(await signInLocked(t.db, 'SOMEONE@example.org', new Date(start.getTime() + 61_000))).toBe(true);
    // Another account is not affected.
    expect(await signInLocked(t.db, 'other@example.org', start)).toBe(false);
    // Once the window has passed since the last failure, sign-in is possible again, and counting restarts.
    const later = new Date(start.getTime() + 60_000 + ACCOUNT_WINDOW_MS);
    expect(await signInLocked(t.db, 'someone@example.org', later)).toBe(false);
    await recordFailedSignIn(t.db, 'someone@example.org', later);
    expect(await signInLocked(t.db, 'someone@example.org', later)).toBe(false);
  });

  it('a successful sign-in clears the count', async () => {
    const now = new Date('2026-11-27T12:00:00Z');
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) await recordFailedSignIn(t.db, 'cleared@example.org', now);
    expect(await signInLocked(t.db, 'cleared@example.org', now)).toBe(true);
    await clearFailedSignIns(t.db, 'cleared@example.org');
    expect(await signInLocked(t.db, 'cleared@example.org', now)).toBe(false);
  });
});

describe('sign-up attempts per address', () => {
  it('allows a few an hour for one address, counted from the first, then again after the hour', async () => {
    const start = new Date('2026-11-27T14:00:00Z');
    const results = [];
    for (let i = 0; i < SIGN_UP_MAX_ATTEMPTS + 2; i++) results.push(await allowSignUpAttempt(t.db, 'Target@example.org', new Date(start.getTime() + i * 60_000)));
    expect(results).toEqual([...Array(SIGN_UP_MAX_ATTEMPTS).fill(true), false, false]);
    // Other addresses are not affected.
    expect(await allowSignUpAttempt(t.db, 'someone.else@example.org', start)).toBe(true);
    // Refused attempts do not push the window back: an hour after the first, it opens again.
    expect(await allowSignUpAttempt(t.db, 'target@example.org', new Date(start.getTime() + SIGN_UP_WINDOW_MS))).toBe(true);
  });
});
