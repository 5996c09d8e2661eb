import { describe, expect, it } from 'vitest';
import { sameSignature, sign } from './signing';

describe('signatures', () => {
  it('differ by key and by text, and are compared as bytes in constant time', () => {
    const s = sign('key one', 'purpose:subject');
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sign('key one', 'purpose:subject')).toBe(s);
    expect(sign('key two', 'purpose:subject')).not.toBe(s);
    expect(sign('key one', 'other:subject')).not.toBe(s);
    expect(sameSignature(s, s)).toBe(true);
    expect(sameSignature(s.slice(1) + 'A', s)).toBe(s.slice(1) + 'A' === s);
    expect(sameSignature(s.slice(0, -1), s)).toBe(false);
    expect(sameSignature(undefined, s)).toBe(false);
    expect(sameSignature(42, s)).toBe(false);
    // As long as the signature in letters, longer in bytes: refused, not an error.
    expect(sameSignature('é'.repeat(43), s)).toBe(false);
  });
});
