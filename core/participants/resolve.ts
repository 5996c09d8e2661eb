import { and, eq, isNull } from 'drizzle-orm';
import { applications, participants, registrations } from '../../db/schema';
import type { Context } from '../context';
import { Forbidden, NotFound } from '../errors';
import { verifyScopedToken, type ManageScope } from './manage-link';

export interface ManageAccess {
  participant: typeof participants.$inferSelect;
  scope: Exclude<ManageScope, { kind: 'unsubscribe' }>;
  /** Whether this link reaches a registration or application (a person-wide link reaches all). */
  reaches(item: { kind: 'registration' | 'application'; id: string }): boolean;
}

/** Who a manage link belongs to and what it reaches; a forged or stale link is simply not found. */
export async function accessFromToken(ctx: Context, token: string): Promise<ManageAccess> {
  const scope = verifyScopedToken(ctx.settings, token);
  // An unsubscribe link opens nothing: it only stops reminders (my-data.ts).
  if (!scope || scope.kind === 'unsubscribe') throw new NotFound('manage link');
  let participantId: string | undefined;
  if (scope.kind === 'person') participantId = scope.participantId;
  else if (scope.kind === 'registration') {
    [{ participantId } = { participantId: undefined }] = await ctx.db
      .select({ participantId: registrations.participantId })
      .from(registrations)
      .where(eq(registrations.id, scope.id));
  } else {
    [{ participantId } = { participantId: undefined }] = await ctx.db
      .select({ participantId: applications.participantId })
      .from(applications)
      .where(eq(applications.id, scope.id));
  }
  const [found] = participantId ? await ctx.db.select().from(participants).where(eq(participants.id, participantId)) : [];
  if (!found) throw new NotFound('manage link');
  // The person link travels in emails only: using it proves the address (decision 0010). The link
  // shown after a sign-up proves nothing (whoever typed the address saw it).
  let participant = found;
  if (scope.kind === 'person' && !found.emailConfirmedAt) {
    [participant = found] = await ctx.db
      .update(participants)
      .set({ emailConfirmedAt: ctx.now })
      .where(and(eq(participants.id, found.id), isNull(participants.emailConfirmedAt)))
      .returning();
  }
  return {
    participant,
    scope,
    reaches: (item) => scope.kind === 'person' || (scope.kind === item.kind && scope.id === item.id),
  };
}

/** The participant of a person-wide manage link (the one in their emails); narrower links are refused. */
export async function participantFromToken(ctx: Context, token: string) {
  const access = await accessFromToken(ctx, token);
  if (access.scope.kind !== 'person') throw new Forbidden('this link reaches one registration only; use the link in your emails');
  return access.participant;
}
