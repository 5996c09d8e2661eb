// Phone numbers that applicants give when a group's facilitator calls them. People type them in
// many ways ("613 555-0123", "(613) 555 0123", "+33 1 23 45 67 89", "613-555-0123 ext. 4"); what
// matters is that a facilitator can dial them. Stored as typed, with spaces tidied.

/** The longest phone number kept, as typed (the column's limit). */
export const PHONE_MAX_LENGTH = 40;

const EXTENSION = /\s*(?:ext\.?|extension|x|poste|p\.)\s*(\d{1,6})$/i;

/**
 * The number tidied for storage, or null when it cannot be dialled: only digits, spaces, dots,
 * hyphens, brackets and a leading "+", an optional extension ("ext. 12", "poste 12"), and enough
 * digits: an international number (+…) has 8 to 15, a North American one 10 (11 with its leading 1).
 */
export function normalizePhone(raw: string): string | null {
  const typed = raw.trim().replace(/\s+/g, ' ');
  if (typed === '' || typed.length > PHONE_MAX_LENGTH) return null;
  const main = typed.replace(EXTENSION, '');
  if (!/^\+?[\d\s().-]+$/.test(main)) return null;
  const digits = main.replace(/\D/g, '');
  if (main.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? typed : null;
  if (digits.length === 10 || (digits.length === 11 && digits.startsWith('1'))) return typed;
  return null;
}
