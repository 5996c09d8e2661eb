import { stopSubscription } from '../articles/subscriptions';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { applications, attendance, auditLog, emailOutbox, participants, registrations } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { promoteWaitlist } from '../registrations/promote-waitlist';
import { promoteApplications } from '../applications/promote-applications';
import { manageInput } from './get-my-registrations';
import { participantFromToken } from './resolve';
import { verifyScopedToken, verifyUnsubscribeToken } from './manage-link';
import { stopCommunityEmails } from '../communities/notifications';
import { NotFound } from '../errors';

/** Everything stored about a person, as JSON they can download (SPEC §8). */
export async function exportMyData({ ctx, input }: { ctx: Context; input: z.input<typeof manageInput> }) {
  const { token } = parseInput(manageInput, input);
  const person = await participantFromToken(ctx, token);
  const [regs, apps, attended, emails] = await Promise.all([
    ctx.db.select().from(registrations).where(eq(registrations.participantId, person.id)),
    ctx.db.select().from(applications).where(eq(applications.participantId, person.id)),
    ctx.db.select().from(attendance).where(eq(attendance.participantId, person.id)),
    ctx.db
      .select({
        template: emailOutbox.template,
        status: emailOutbox.status,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.toEmail, person.email)),
  ]);
  return {
    exportedAt: ctx.now.toISOString(),
    person: { email: person.email, locale: person.locale, createdAt: person.createdAt, unsubscribedAt: person.unsubscribedAt, emailConfirmedAt: person.emailConfirmedAt, discreet: person.discreet },
    registrations: regs.map(({ participantId: _p, ...r }) => r),
    applications: apps.map(({ participantId: _p, ...a }) => a),
    attendance: attended.map(({ participantId: _p, ...a }) => a),
    emails,
  };
}

/**
 * Deletes everything about a person: their registrations, applications, attendance (and its marks
 * in the audit log), queued and sent email records, and the person. Places they held go to the people waiting.
 */
export async function deleteMyData({ ctx, input }: { ctx: Context; input: z.input<typeof manageInput> }) {
  const { token } = parseInput(manageInput, input);
  return withTransaction(ctx, async (tx) => {
    const person = await participantFromToken(tx, token);
    const heldSessions = await tx.db
      .selectDistinct({ id: registrations.sessionId })
      .from(registrations)
      .where(and(eq(registrations.participantId, person.id), eq(registrations.status, 'confirmed')));
    const heldCohorts = await tx.db
      .selectDistinct({ id: applications.cohortId })
      .from(applications)
      .where(and(eq(applications.participantId, person.id), eq(applications.status, 'accepted')));
    await tx.db.delete(emailOutbox).where(eq(emailOutbox.toEmail, person.email));
    await tx.db.delete(auditLog).where(and(eq(auditLog.actorType, 'participant'), eq(auditLog.actorId, person.id)));
    // Their attendance marks leave the audit log too: each check-in line keeps the others' marks,
    // and a line left with none goes.
    await tx.db
      .update(auditLog)
      .set({ data: sql`jsonb_set(${auditLog.data}, '{marks}', (${auditLog.data} -> 'marks') - ${person.id}::text)` })
      .where(and(eq(auditLog.action, 'attendance.recorded'), sql`(${auditLog.data} -> 'marks') ? ${person.id}::text`));
    await tx.db.delete(auditLog).where(and(eq(auditLog.action, 'attendance.recorded'), sql`${auditLog.data} -> 'marks' = '{}'::jsonb`));
    // Registrations, applications and attendance go with the person (ON DELETE CASCADE).
    await tx.db.delete(participants).where(eq(participants.id, person.id));
    for (const s of heldSessions) await promoteWaitlist(tx, s.id);
    for (const c of heldCohorts) await promoteApplications(tx, c.id);
    return { deleted: true };
  });
}

/** One-click unsubscribe from reminders (RFC 8058); transactional mail still arrives. */
export async function unsubscribe({ ctx, input }: { ctx: Context; input: z.input<typeof manageInput> }) {
  const { token } = parseInput(manageInput, input);
  // A community member's link stops one kind of email from one community.
  const scope = verifyScopedToken(ctx.settings, token, ctx.now);
  // A subscriber's link stops the emails of new articles.
  if (scope?.kind === 'articles' && scope.purpose === 'manage') {
    if (!(await stopSubscription(ctx, scope.subscriberId))) throw new NotFound('unsubscribe link');
    return { unsubscribed: true };
  }
  if (scope?.kind === 'community') {
    if (!(await stopCommunityEmails(ctx, scope.memberId, scope.topic))) throw new NotFound('unsubscribe link');
    return { unsubscribed: true };
  }
  const id = verifyUnsubscribeToken(ctx.settings, token, ctx.now);
  const [person] = id ? await ctx.db.select().from(participants).where(eq(participants.id, id)) : [];
  if (!person) throw new NotFound('unsubscribe link');
  await ctx.db
    .update(participants)
    .set({ unsubscribedAt: sql`coalesce(${participants.unsubscribedAt}, ${ctx.now})` })
    .where(eq(participants.id, person.id));
  // Reminders already queued for this person are dropped.
  await ctx.db
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.toEmail, person.email), eq(emailOutbox.transactional, false), inArray(emailOutbox.status, ['pending'])));
  return { unsubscribed: true };
}
