import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { appSecrets, participants, type Locale } from '../../db/schema';
import type { Database } from '../../db/client';
import type { Context } from '../context';

// A manage link lets a participant see and change everything about them without an account.
// The token is the participant's id and an HMAC of it under the deployment's signing key: it
// cannot be guessed or forged, needs no storage, and stops working when the person is deleted.

const PURPOSE = 'manage-link:v1';

function mac(key: string, participantId: string): string {
  return createHmac('sha256', key).update(`${PURPOSE}:${participantId}`).digest('base64url');
}

export function manageToken(settings: Context['settings'], participantId: string): string {
  return `${participantId}.${mac(settings.signingKey, participantId)}`;
}

/** The participant id a token was issued for, or null when the token is not genuine. */
export function verifyManageToken(settings: Context['settings'], token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(mac(settings.signingKey, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}

export function managePath(locale: Locale, token: string): string {
  return locale === 'fr' ? `/fr/gerer/${token}` : `/en/manage/${token}`;
}

export function manageUrl(settings: Context['settings'], locale: Locale, participantId: string): string {
  return new URL(managePath(locale, manageToken(settings, participantId)), settings.publicUrl).toString();
}

export function unsubscribeUrl(settings: Context['settings'], participantId: string): string {
  return new URL(`/unsubscribe/${manageToken(settings, participantId)}`, settings.publicUrl).toString();
}

/**
 * The key that signs links: SECRET_KEY when configured, otherwise one generated on first start
 * and kept in the database, so that every process on that database shares it.
 */
export async function loadSigningKey(db: Database, configured?: string): Promise<string> {
  if (configured) return configured;
  await db
    .insert(appSecrets)
    .values({ name: 'signing_key', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, 'signing_key'));
  if (!row) throw new Error('could not load the signing key');
  return row.value;
}

/** Finds or creates the participant for an email address (stored lower-cased). */
export async function upsertParticipant(ctx: Context, email: string, locale: Locale): Promise<{ id: string; email: string }> {
  const [row] = await ctx.db
    .insert(participants)
    .values({ email: email.trim().toLowerCase(), locale })
    .onConflictDoUpdate({ target: participants.email, set: { locale: sql`excluded.locale` } })
    .returning({ id: participants.id, email: participants.email });
  return row!;
}
