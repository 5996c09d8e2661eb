import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { appSecrets, participants, type Locale } from '../../db/schema';
import type { Database } from '../../db/client';
import type { Context } from '../context';

// A manage link lets a participant see and change everything about them without an account.
// The token is the participant's id and an HMAC of it under the deployment's signing key: it
// cannot be guessed or forged, needs no storage, and stops working when the person is deleted.

const PURPOSE = 'manage-link:v1';

// Three kinds of links. The person's own link (in every email) reaches everything about them. The
// link shown right after a sign-up reaches only that registration or application: whoever typed
// an email address into a form must not see that person's other groups. The unsubscribe link (in
// the List-Unsubscribe header, which mail systems read and pass on) can only stop reminders.
export type ManageScope =
  | { kind: 'person'; participantId: string }
  | { kind: 'registration' | 'application'; id: string }
  | { kind: 'unsubscribe'; participantId: string };

const PREFIX = { registration: 'r', application: 'a', unsubscribe: 'u' } as const;

function mac(key: string, subject: string): string {
  return createHmac('sha256', key).update(`${PURPOSE}:${subject}`).digest('base64url');
}

function subjectOf(scope: ManageScope): string {
  if (scope.kind === 'person') return scope.participantId;
  return `${PREFIX[scope.kind]}.${scope.kind === 'unsubscribe' ? scope.participantId : scope.id}`;
}

export function manageToken(settings: Context['settings'], participantId: string): string {
  return scopedToken(settings, { kind: 'person', participantId });
}

export function scopedToken(settings: Context['settings'], scope: ManageScope): string {
  const subject = subjectOf(scope);
  return `${subject}.${mac(settings.signingKey, subject)}`;
}

/** What a token was issued for, or null when it is not genuine. */
export function verifyScopedToken(settings: Context['settings'], token: string): ManageScope | null {
  const match = /^(?:([rau])\.)?([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, kind, id, given] = match as unknown as [string, 'r' | 'a' | 'u' | undefined, string, string];
  const subject = kind ? `${kind}.${id}` : id;
  const expected = Buffer.from(mac(settings.signingKey, subject));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (!kind) return { kind: 'person', participantId: id };
  if (kind === 'u') return { kind: 'unsubscribe', participantId: id };
  return { kind: kind === 'r' ? 'registration' : 'application', id };
}

/**
 * The participant a link may stop reminders for: an unsubscribe link, or the person's own link
 * (the manage page, and unsubscribe links sent before they had a token of their own).
 */
export function verifyUnsubscribeToken(settings: Context['settings'], token: string): string | null {
  const scope = verifyScopedToken(settings, token);
  return scope?.kind === 'unsubscribe' || scope?.kind === 'person' ? scope.participantId : null;
}

/** The participant id of a person-wide token, or null. */
export function verifyManageToken(settings: Context['settings'], token: string): string | null {
  const scope = verifyScopedToken(settings, token);
  return scope?.kind === 'person' ? scope.participantId : null;
}

export function managePath(locale: Locale, token: string): string {
  return locale === 'fr' ? `/fr/gerer/${token}` : `/en/manage/${token}`;
}

export function manageUrl(settings: Context['settings'], locale: Locale, participantId: string): string {
  return new URL(managePath(locale, manageToken(settings, participantId)), settings.publicUrl).toString();
}

/** The link given in a sign-up's response: it reaches that registration or application only. */
export function scopedManageUrl(settings: Context['settings'], locale: Locale, scope: ManageScope): string {
  return new URL(managePath(locale, scopedToken(settings, scope)), settings.publicUrl).toString();
}

/** The one-click unsubscribe link: its token stops reminders and reaches nothing else. */
export function unsubscribeUrl(settings: Context['settings'], participantId: string): string {
  return new URL(`/unsubscribe/${scopedToken(settings, { kind: 'unsubscribe', participantId })}`, settings.publicUrl).toString();
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
