import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { applications, cohorts, groups, registrations, sessions } from '../../db/schema';
import { withTransaction, type Context } from '../context';
import { promoteApplications } from '../applications/promote-applications';
import { promoteWaitlist } from './promote-waitlist';
import { audit } from '../audit/write-audit';

// Decision 0010. A place (or a place in line) taken with an address nobody has proven yet is held:
// it counts against the seats, but carries no meeting link, and is released unless the person
// opens the link emailed to them before the hold ends.

/** How long an unproven sign-up or application is held. */
export const HOLD_MINUTES = 30;

/** When a hold taken now ends: after HOLD_MINUTES, or when the session starts if that is sooner. */
export function holdEnd(now: Date, startsAt?: Date | null): Date {
  const end = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  return startsAt && startsAt < end ? startsAt : end;
}

/**
 * What every sign-up and application answers, whatever the address: how long the person has to
 * open the emailed link. It depends on the session only, so it tells nothing about the address.
 */
export function checkEmailAnswer(now: Date, startsAt?: Date | null): { status: 'check_email'; expiresIn: number } {
  return { status: 'check_email', expiresIn: Math.max(0, Math.round((holdEnd(now, startsAt).getTime() - now.getTime()) / 1000)) };
}

/**
 * The person proved their address: their held places become theirs, and any waitlist they were
 * skipped on while unproven moves (a seat freed meanwhile goes to the first proven person in line,
 * perhaps them). Call inside a transaction.
 */
export async function confirmHolds(tx: Context, participantId: string): Promise<{ registrations: number; applications: number }> {
  const regs = await tx.db
    .update(registrations)
    .set({ holdExpiresAt: null })
    .where(
      and(eq(registrations.participantId, participantId), isNotNull(registrations.holdExpiresAt), inArray(registrations.status, ['confirmed', 'waitlisted'])),
    )
    .returning({ sessionId: registrations.sessionId, status: registrations.status });
  const apps = await tx.db
    .update(applications)
    .set({ holdExpiresAt: null })
    .where(
      and(
        eq(applications.participantId, participantId),
        isNotNull(applications.holdExpiresAt),
        inArray(applications.status, ['applied', 'accepted', 'waitlisted']),
      ),
    )
    .returning({ cohortId: applications.cohortId, status: applications.status });
  for (const sessionId of new Set(regs.filter((r) => r.status === 'waitlisted').map((r) => r.sessionId))) await promoteWaitlist(tx, sessionId);
  for (const cohortId of new Set(apps.filter((a) => a.status === 'waitlisted').map((a) => a.cohortId))) await promoteApplications(tx, cohortId);
  return { registrations: regs.length, applications: apps.length };
}

/**
 * Releases the holds that ended (worker): each place goes back to the session (the first proven
 * person waiting gets it), each place in line or application is dropped; `hold_expires_at` stays,
 * so the person's page can say why. Nobody is emailed: the address was never shown to be anyone's.
 */
export async function releaseExpiredHolds(ctx: Context): Promise<number> {
  let released = 0;
  const dueRegistrations = await ctx.db
    .select({ id: registrations.id, sessionId: registrations.sessionId })
    .from(registrations)
    .where(and(isNotNull(registrations.holdExpiresAt), lte(registrations.holdExpiresAt, ctx.now), inArray(registrations.status, ['confirmed', 'waitlisted'])))
    .limit(500);
  for (const [sessionId, ids] of groupBy(dueRegistrations, (r) => r.sessionId)) {
    released += await withTransaction(ctx, async (tx) => {
      const [s] = await tx.db
        .select({ organizationId: groups.organizationId })
        .from(sessions)
        .innerJoin(groups, eq(groups.id, sessions.groupId))
        .where(eq(sessions.id, sessionId))
        .for('no key update', { of: sessions });
      const gone = await tx.db
        .update(registrations)
        .set({ status: 'cancelled', waitlistPosition: null, cancelledAt: tx.now })
        .where(
          and(
            inArray(registrations.id, ids),
            isNotNull(registrations.holdExpiresAt),
            lte(registrations.holdExpiresAt, tx.now),
            inArray(registrations.status, ['confirmed', 'waitlisted']),
          ),
        )
        .returning({ id: registrations.id, participantId: registrations.participantId });
      await auditReleased(tx, s?.organizationId, 'registration', gone);
      if (gone.length) await promoteWaitlist(tx, sessionId).catch(() => []);
      return gone.length;
    });
  }
  const dueApplications = await ctx.db
    .select({ id: applications.id, cohortId: applications.cohortId })
    .from(applications)
    .where(
      and(
        isNotNull(applications.holdExpiresAt),
        lte(applications.holdExpiresAt, ctx.now),
        inArray(applications.status, ['applied', 'accepted', 'waitlisted']),
      ),
    )
    .limit(500);
  for (const [cohortId, ids] of groupBy(dueApplications, (a) => a.cohortId)) {
    released += await withTransaction(ctx, async (tx) => {
      const [c] = await tx.db
        .select({ organizationId: groups.organizationId })
        .from(cohorts)
        .innerJoin(groups, eq(groups.id, cohorts.groupId))
        .where(eq(cohorts.id, cohortId))
        .for('no key update', { of: cohorts });
      const gone = await tx.db
        .update(applications)
        .set({ status: 'withdrawn', waitlistPosition: null, withdrawnAt: tx.now })
        .where(
          and(
            inArray(applications.id, ids),
            isNotNull(applications.holdExpiresAt),
            lte(applications.holdExpiresAt, tx.now),
            inArray(applications.status, ['applied', 'accepted', 'waitlisted']),
          ),
        )
        .returning({ id: applications.id, participantId: applications.participantId });
      await auditReleased(tx, c?.organizationId, 'application', gone);
      if (gone.length) await promoteApplications(tx, cohortId);
      return gone.length;
    });
  }
  return released;
}

async function auditReleased(tx: Context, organizationId: string | undefined, kind: 'registration' | 'application', gone: { id: string; participantId: string }[]) {
  if (!organizationId) return;
  const lines = gone.map((g) => ({
    organizationId,
    actor: { type: 'system' } as const,
    action: kind === 'registration' ? 'registration.hold_released' : 'application.hold_released',
    entityType: kind,
    entityId: g.id,
  }));
  await audit(tx, ...lines);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), (item as { id: string }).id]);
  return out;
}
