import { and, eq } from 'drizzle-orm';
import { groups, organizationMembers, users, type MemberRole } from '../../db/schema';
import type { Context } from '../context';
import { Forbidden, NotFound } from '../errors';

/**
 * Who may do what in an organization. This table is the whole rule: every organizer action asks
 * `requirePermission` with one of these names, and docs/permissions.md explains it in words.
 *
 * | permission              | owner | admin | facilitator |
 * |-------------------------|:-----:|:-----:|:-----------:|
 * | organization.view       |   ✓   |   ✓   |      ✓      |  dashboard, the organization's groups
 * | organization.edit       |   ✓   |   ✓   |             |  bilingual profile
 * | members.manage          |   ✓   |   ✓   |             |  invite, change roles, remove (only an owner touches an owner)
 * | groups.edit             |   ✓   |   ✓   |             |  create, edit, duplicate, archive, publish, schedules, cohorts
 * | registrants.view        |   ✓   |   ✓   |      ✓      |  names, emails, answers, waitlists, CSV export
 * | registrants.message     |   ✓   |   ✓   |      ✓      |  email everyone registered
 * | sessions.run            |   ✓   |   ✓   |      ✓      |  check-in, cancel / postpone / move online, decide applications
 * | audit.view              |   ✓   |   ✓   |             |  the audit log
 */
export const PERMISSIONS = {
  'organization.view': ['owner', 'admin', 'facilitator'],
  'organization.edit': ['owner', 'admin'],
  'members.manage': ['owner', 'admin'],
  'groups.edit': ['owner', 'admin'],
  'registrants.view': ['owner', 'admin', 'facilitator'],
  'registrants.message': ['owner', 'admin', 'facilitator'],
  'sessions.run': ['owner', 'admin', 'facilitator'],
  'audit.view': ['owner', 'admin'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether a role grants a permission (pure; the table above). */
export function can(role: MemberRole | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly MemberRole[]).includes(role);
}

/** The signed-in user's id, or Forbidden for anyone else (anonymous visitors, the system). */
export function requireUserId(ctx: Context): string {
  if (ctx.actor.type !== 'user') throw new Forbidden('sign in first');
  return ctx.actor.userId;
}

/** The acting user's role in an organization, or null when they are not a member. */
export async function roleIn(ctx: Context, organizationId: string): Promise<MemberRole | null> {
  if (ctx.actor.type !== 'user') return null;
  const [row] = await ctx.db
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, ctx.actor.userId)));
  return row?.role ?? null;
}

/**
 * Checks that the acting user may do `permission` in the organization and returns their role.
 * A non-member gets NotFound (the organization's existence is not revealed); a member without the
 * permission gets Forbidden.
 */
export async function requirePermission(ctx: Context, organizationId: string, permission: Permission): Promise<MemberRole> {
  requireUserId(ctx);
  const role = await roleIn(ctx, organizationId);
  if (!role) throw new NotFound('organization');
  if (!can(role, permission)) throw new Forbidden(`your role (${role}) does not allow ${permission}`);
  return role;
}

/** Same check for a group: resolves its organization first. Returns the organization id and role. */
export async function requireGroupPermission(
  ctx: Context,
  groupId: string,
  permission: Permission,
): Promise<{ organizationId: string; role: MemberRole }> {
  const [group] = await ctx.db.select({ organizationId: groups.organizationId }).from(groups).where(eq(groups.id, groupId));
  if (!group) throw new NotFound('group');
  const role = await requirePermission(ctx, group.organizationId, permission).catch((err: unknown) => {
    // A stranger learns nothing about the group either.
    if (err instanceof NotFound) throw new NotFound('group');
    throw err;
  });
  return { organizationId: group.organizationId, role };
}

/** Platform administrators review licences and listing reports (the admin area). */
export async function requirePlatformAdmin(ctx: Context): Promise<string> {
  const userId = requireUserId(ctx);
  const [row] = await ctx.db.select({ admin: users.isPlatformAdmin }).from(users).where(eq(users.id, userId));
  if (!row?.admin) throw new Forbidden('platform administrators only');
  return userId;
}
