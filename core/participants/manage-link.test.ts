import { describe, expect, it } from 'vitest';
import type { Settings } from '../context';
import { manageToken, verifyManageToken, verifyScopedToken, unsubscribeUrl } from './manage-link';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);
const NOW = new Date('2026-12-07T12:00:00Z');
const person = '2f1c7a52-0d7e-4d0c-9a55-3f0f0b7f2e11';

describe('rotating the signing key', () => {
  const before: Settings = { publicUrl: 'https://cercle.example.org', signingKey: OLD };
  const oldLink = manageToken(before, person);

  it('signs new links with the new key and still accepts the replaced key’s links during the grace period', () => {
    const rotated: Settings = { ...before, signingKey: NEW, previousSigningKey: { key: OLD, until: new Date('2027-01-07T00:00:00Z') } };
    expect(manageToken(rotated, person)).not.toBe(oldLink);
    expect(manageToken(rotated, person)).toBe(manageToken({ ...before, signingKey: NEW }, person));
    expect(verifyManageToken(rotated, oldLink, NOW)).toBe(person);
    expect(verifyManageToken(rotated, manageToken(rotated, person), NOW)).toBe(person);
    // An unsubscribe link of the old key still stops reminders, and still reaches nothing else.
    const oldUnsubscribe = unsubscribeUrl(before, person).split('/').pop()!;
    expect(verifyScopedToken(rotated, oldUnsubscribe, NOW)).toEqual({ kind: 'unsubscribe', participantId: person });
    expect(verifyManageToken(rotated, oldUnsubscribe, NOW)).toBeNull();
  });

  it('refuses the replaced key’s links once the grace period ends, or when no previous key is given', () => {
    const rotated: Settings = { ...before, signingKey: NEW, previousSigningKey: { key: OLD, until: new Date('2027-01-07T00:00:00Z') } };
    expect(verifyManageToken(rotated, oldLink, new Date('2027-01-07T00:00:00Z'))).toBeNull();
    expect(verifyManageToken({ ...before, signingKey: NEW }, oldLink, NOW)).toBeNull();
    // Without an end, the previous key is accepted until it is removed from the settings.
    expect(verifyManageToken({ ...before, signingKey: NEW, previousSigningKey: { key: OLD } }, oldLink, new Date('2030-01-01T00:00:00Z'))).toBe(person);
    // A forged link is refused under either key.
    expect(verifyManageToken(rotated, `${person}.${'A'.repeat(43)}`, NOW)).toBeNull();
  });
});
