import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, MEMBER_ROLES, organizationInvitations, organizationMembers, users, type Locale } from '../../db/schema';
import { getT } from '../../i18n';
import { pathTo } from '../../app/lib/paths';
import { parseInput, withTransaction, type Context } from '../context';
import { enqueueEmail } from '../email/enqueue';
import { Conflict, Forbidden, Invalid, RateLimited } from '../errors';
import { requirePermission, requireUserId } from '../policy/permissions';
import { audit, INVITATION_TTL_MS, loadOrganization, nameIn, newInvitationToken, uuidInput } from './shared';

import { INVITATION_MESSAGE_AFTER_MS, INVITATIONS_PER_DAY, MESSAGE_MAX } from './constants';
import { organizations } from '../../db/schema';

export { MESSAGE_MAX };

const DAY_MS = 24 * 3_600_000;

export const inviteMemberInput = z.object({
  organizationId: uuidInput,
  email: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(254, { error: 'invalid_email' })
    .pipe(z.email({ error: 'invalid_email' }))
    .transform((s) => s.toLowerCase()),
  role: z.enum(MEMBER_ROLES, { error: 'required' }),
  /** A few words from the inviter, shown as written in the email. */
  message: z
    .string()
    .trim()
    .max(MESSAGE_MAX, { error: 'too_long' })
    .optional()
    .transform((s) => s || undefined),
  /** The language of the email; the inviter's by default. */
  locale: z.enum(LOCALES).optional(),
});
export type InviteMemberInput = z.input<typeof inviteMemberInput>;

/**
 * Invites someone by email (owners and admins; only an owner may invite another owner). The link
 * carries a random token of which only the SHA-256 hash is stored; it works for seven days. A new
 * invitation to the same address replaces the one still pending. Against invitation spam: at most
 * INVITATIONS_PER_DAY in any 24 hours per organization (counted under a lock of the organization,
 * so two at once cannot both pass), and no personal message from an organization less than a day old.
 */
export async function inviteMember({
  ctx,
  input,
}: {
  ctx: Context;
  input: InviteMemberInput;
}): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  const userId = requireUserId(ctx);
  const q = parseInput(inviteMemberInput, input);
  const myRole = await requirePermission(ctx, q.organizationId, 'members.manage');
  if (q.role === 'owner' && myRole !== 'owner') throw new Forbidden('only an owner may invite an owner');
  const locale: Locale = q.locale ?? ctx.locale;
  return withTransaction(ctx, async (tx) => {
    await tx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, q.organizationId)).for('update');
    const org = await loadOrganization(tx, q.organizationId);
    if (q.message && tx.now.getTime() - org.createdAt.getTime() < INVITATION_MESSAGE_AFTER_MS) {
      throw new Invalid([{ path: 'message', message: 'message_too_soon' }]);
    }
    const [sent] = await tx.db
      .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | string | null>`min(${organizationInvitations.createdAt})` })
      .from(organizationInvitations)
      .where(
        and(
          eq(organizationInvitations.organizationId, org.id),
          sql`${organizationInvitations.createdAt} > ${new Date(tx.now.getTime() - DAY_MS).toISOString()}::timestamptz`,
        ),
      );
    if (Number(sent?.n ?? 0) >= INVITATIONS_PER_DAY) {
      const oldest = new Date(sent!.oldest!).getTime();
      throw new RateLimited('too many invitations today', Math.max(1, Math.ceil((oldest + DAY_MS - tx.now.getTime()) / 1000)), 'invitations_per_day', { count: INVITATIONS_PER_DAY });
    }
    const [already] = await tx.db
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, org.id), sql`lower(${users.email}) = ${q.email}`));
    if (already) throw new Conflict('this person is already a member of the organization', 'already_member');

    // The pending invitation to the same address (if any) stops working: the new one replaces it.
    const replaced = await tx.db
      .update(organizationInvitations)
      .set({ revokedAt: tx.now })
      .where(
        and(
          eq(organizationInvitations.organizationId, org.id),
          sql`lower(${organizationInvitations.email}) = ${q.email}`,
          isNull(organizationInvitations.acceptedAt),
          isNull(organizationInvitations.revokedAt),
        ),
      )
      .returning({ id: organizationInvitations.id });

    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(tx.now.getTime() + INVITATION_TTL_MS);
    const [row] = await tx.db
      .insert(organizationInvitations)
      .values({ organizationId: org.id, email: q.email, role: q.role, tokenHash, invitedBy: userId, expiresAt, createdAt: tx.now })
      .returning({ id: organizationInvitations.id });
    const invitationId = row!.id;

    const [inviter] = await tx.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
    const t = getT(locale);
    await enqueueEmail(tx, {
      key: `member_invite:${invitationId}`,
      to: q.email,
      locale,
      template: 'member_invite',
      payload: {
        vars: {
          organization: nameIn(org, locale),
          inviter: inviter?.name ?? '',
          role: t(`organize.role.${q.role}`),
        },
        url: `${tx.settings.publicUrl}${pathTo(locale, 'orgInvitation', { token })}`,
        ...(q.message ? { message: q.message } : {}),
      },
    });
    await audit(tx, {
      organizationId: org.id,
      action: 'member.invited',
      entityType: 'invitation',
      entityId: invitationId,
      data: { email: q.email, role: q.role, replaced: replaced.map((r) => r.id) },
    });
    return { invitationId, token, expiresAt };
  });
}
