import { randomBytes } from 'node:crypto';
import { sameSignature, sign } from '../signing';
import { eq, sql } from 'drizzle-orm';
import { appSecrets, participants, type Locale } from '../../db/schema';
import type { Database } from '../../db/client';
import type { Context } from '../context';
import { pathTo } from '../../app/lib/paths';

// A manage link lets a participant see and change everything about them without an account.
// The token is the participant's id and an HMAC of it under the deployment's signing key: it
// cannot be guessed or forged, needs no storage, and stops working when the person is deleted.

const PURPOSE = 'manage-link:v1';

// Two kinds of links, both sent by email only (decision 0010: nothing is shown to whoever typed
// an address into a form). The person's own link reaches everything about them. The unsubscribe
// link (in the List-Unsubscribe header, which mail systems read and pass on) can only stop
// reminders. Links to one registration, once shown after a sign-up, are no longer accepted.
// A community member's emails (replies, the daily digest) carry a link of a third kind, which
// stops that one kind of email from that one community.
export type CommunityTopic = 'replies' | 'digest' | 'messages';
// The private calendar feed's link (core/participants/calendar-feed.ts) is a fourth kind: it reads
// the person's sessions only, and carries the number of the feed it was made for.
export type ManageScope =
  | { kind: 'person'; participantId: string }
  | { kind: 'unsubscribe'; participantId: string }
  | { kind: 'community'; memberId: string; topic: CommunityTopic }
  | { kind: 'calendar'; participantId: string; feed: number }
  // A subscriber to new articles: the link of the confirmation email, and the one that manages
  // (and stops) the subscription.
  | { kind: 'articles'; subscriberId: string; purpose: 'confirm' | 'manage' };

const TOPIC_PREFIX = { replies: 'cr', digest: 'cd', messages: 'cm' } as const;

function mac(key: string, subject: string): string {
  return sign(key, `${PURPOSE}:${subject}`);
}

function subjectOf(scope: ManageScope): string {
  if (scope.kind === 'community') return `${TOPIC_PREFIX[scope.topic]}.${scope.memberId}`;
  if (scope.kind === 'calendar') return `k${scope.feed}.${scope.participantId}`;
  if (scope.kind === 'articles') return `${scope.purpose === 'confirm' ? 'ac' : 'am'}.${scope.subscriberId}`;
  return scope.kind === 'person' ? scope.participantId : `u.${scope.participantId}`;
}

export function manageToken(settings: Context['settings'], participantId: string): string {
  return scopedToken(settings, { kind: 'person', participantId });
}

export function scopedToken(settings: Context['settings'], scope: ManageScope): string {
  const subject = subjectOf(scope);
  return `${subject}.${mac(settings.signingKey, subject)}`;
}

/** Whether `given` is the MAC of `subject` under `key`, compared in constant time. */
function signedBy(key: string, subject: string, given: string): boolean {
  return sameSignature(given, mac(key, subject));
}

/** The keys whose links are accepted at `now`: the signing key, and the one it replaced during its grace period. */
function acceptedKeys(settings: Context['settings'], now: Date): string[] {
  const previous = settings.previousSigningKey;
  return previous && (!previous.until || now < previous.until) ? [settings.signingKey, previous.key] : [settings.signingKey];
}

/** What a token was issued for, or null when it is not genuine (at `now`: a replaced key's grace period ends). */
export function verifyScopedToken(settings: Context['settings'], token: string, now: Date): ManageScope | null {
  const calendar = /^k([1-9]\d{0,8})\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (calendar) {
    const [, feed, id, given] = calendar as unknown as [string, string, string, string];
    return acceptedKeys(settings, now).some((key) => signedBy(key, `k${feed}.${id}`, given)) ? { kind: 'calendar', participantId: id, feed: Number(feed) } : null;
  }
  const match = /^(?:(u|cr|cd|cm|ac|am)\.)?([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, kind, id, given] = match as unknown as [string, 'u' | 'cr' | 'cd' | 'cm' | 'ac' | 'am' | undefined, string, string];
  const subject = kind ? `${kind}.${id}` : id;
  if (!acceptedKeys(settings, now).some((key) => signedBy(key, subject, given))) return null;
  if (kind === 'ac' || kind === 'am') return { kind: 'articles', subscriberId: id, purpose: kind === 'ac' ? 'confirm' : 'manage' };
  if (kind === 'cr' || kind === 'cd' || kind === 'cm') return { kind: 'community', memberId: id, topic: kind === 'cr' ? 'replies' : kind === 'cd' ? 'digest' : 'messages' };
  return kind ? { kind: 'unsubscribe', participantId: id } : { kind: 'person', participantId: id };
}

/**
 * The participant a link may stop reminders for: an unsubscribe link, or the person's own link
 * (the manage page, and unsubscribe links sent before they had a token of their own).
 */
export function verifyUnsubscribeToken(settings: Context['settings'], token: string, now: Date): string | null {
  const scope = verifyScopedToken(settings, token, now);
  return scope?.kind === 'unsubscribe' || scope?.kind === 'person' ? scope.participantId : null;
}

/** The participant id of a person-wide token, or null. */
export function verifyManageToken(settings: Context['settings'], token: string, now: Date): string | null {
  const scope = verifyScopedToken(settings, token, now);
  return scope?.kind === 'person' ? scope.participantId : null;
}

export function managePath(locale: Locale, token: string): string {
  return pathTo(locale, 'manage', { token });
}

export function manageUrl(settings: Context['settings'], locale: Locale, participantId: string): string {
  return new URL(managePath(locale, manageToken(settings, participantId)), settings.publicUrl).toString();
}

/** The one-click link that stops one kind of a member's emails from one community, and reaches nothing else. */
export function communityUnsubscribeUrl(settings: Context['settings'], memberId: string, topic: CommunityTopic): string {
  return new URL(`/unsubscribe/${scopedToken(settings, { kind: 'community', memberId, topic })}`, settings.publicUrl).toString();
}

/** A subscriber's page (`confirm`: the link of the double opt-in email; `manage`: topics, language, stop). */
export function articleSubscriptionUrl(settings: Context['settings'], locale: Locale, subscriberId: string, purpose: 'confirm' | 'manage'): string {
  const token = scopedToken(settings, { kind: 'articles', subscriberId, purpose });
  return new URL(pathTo(locale, 'articleSubscription', { token }), settings.publicUrl).toString();
}

/** The one-click link of a new article's email: it stops the subscription (a person following it lands on its page). */
export function articleUnsubscribeUrl(settings: Context['settings'], subscriberId: string): string {
  return new URL(`/unsubscribe/${scopedToken(settings, { kind: 'articles', subscriberId, purpose: 'manage' })}`, settings.publicUrl).toString();
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
export async function upsertParticipant(
  ctx: Context,
  email: string,
  locale: Locale,
  discreet = false,
): Promise<{ id: string; email: string; emailConfirmedAt: Date | null }> {
  // Asking for discreet mode turns it on; only the manage page turns it off (as register_for_session does).
  const [row] = await ctx.db
    .insert(participants)
    .values({ email: email.trim().toLowerCase(), locale, discreet })
    .onConflictDoUpdate({ target: participants.email, set: { locale: sql`excluded.locale`, discreet: sql`${participants.discreet} or excluded.discreet` } })
    .returning({ id: participants.id, email: participants.email, emailConfirmedAt: participants.emailConfirmedAt });
  return row!;
}
