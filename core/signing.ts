import { createHmac, timingSafeEqual } from 'node:crypto';

// Cercle's keyed signatures (HMAC-SHA-256, base64url): manage links, form tokens, CSRF tokens,
// the keys of per-address limits. Each caller puts its own purpose at the head of the text, so a
// signature made for one use is never accepted for another.

/** The signature of `text` under `key`. */
export function sign(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** Whether `given` equals `expected`, compared in constant time (any non-string: no). */
export function sameSignature(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  // Compared as bytes: a string of the same length may not be (a letter with an accent).
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
