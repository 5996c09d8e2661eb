import { and, eq } from 'drizzle-orm';
import { facilitators, groupFacilitators, groups, organizationMembers, users, type MemberRole } from '../../db/schema';
import type { Context } from '../context';
import { Forbidden, NotFound } from '../errors';

/**
 * Who may do what in an organization. This table is the whole rule: every organizer action asks
 * `requirePermission` (or, for a group, `requireGroupPermission`) with one of these names, and
 * docs/permissions.md explains it in words. A cell is `all` (every group of the organization),
 * `own` (only the groups the member facilitates: their facilitator profile is linked to the
 * group) or empty (no).
 *
 * | permission              | owner | admin | facilitator |
 * |-------------------------|:-----:|:-----:|:-----------:|
 * | organization.view       |  all  |  all  |     all     |  dashboard, the organization's groups
 * | organization.edit       |  all  |  all  |             |  bilingual profile
 * | members.manage          |  all  |  all  |             |  invite, change roles, remove (only an owner touches an owner)
 * | groups.edit             |  all  |  all  |             |  create, edit, duplicate, archive, publish, schedules, cohorts
 * | registrants.view        |  all  |  all  |     own     |  names, emails, answers, waitlists, CSV export
 * | registrants.message     |  all  |  all  |     own     |  email everyone registered
 * | sessions.run            |  all  |  all  |     own     |  check-in, cancel / postpone / move online, decide applications
 * | audit.view              |  all  |  all  |             |  the audit log
 *
 * Online communities add two standings a person holds in one community (not in the
 * organization): `moderator` and `member`, for whom `own` means the community they belong to.
 *
 * | permission          | owner | admin | facilitator | moderator | member |
 * |---------------------|:-----:|:-----:|:-----------:|:---------:|:------:|
 * | community.read      |  all  |  all  |             |    own    |  own   |  posts, comments, reactions
 * | community.post      |       |       |             |    own    |  own   |  write, edit and delete one's own, react (organizers join to post)
 * | community.moderate  |  all  |  all  |             |    own    |        |  decide join requests, see crisis flags and who wrote anonymous posts
 * | community.manage    |  all  |  all  |             |           |        |  choose moderators, auto-approval
 */
export const PERMISSIONS = {
  'organization.view': { owner: 'all', admin: 'all', facilitator: 'all' },
  'organization.edit': { owner: 'all', admin: 'all' },
  'members.manage': { owner: 'all', admin: 'all' },
  'groups.edit': { owner: 'all', admin: 'all' },
  'registrants.view': { owner: 'all', admin: 'all', facilitator: 'own' },
  'registrants.message': { owner: 'all', admin: 'all', facilitator: 'own' },
  'sessions.run': { owner: 'all', admin: 'all', facilitator: 'own' },
  'audit.view': { owner: 'all', admin: 'all' },
  'community.read': { owner: 'all', admin: 'all', moderator: 'own', member: 'own' },
  'community.post': { moderator: 'own', member: 'own' },
  'community.moderate': { owner: 'all', admin: 'all', moderator: 'own' },
  'community.manage': { owner: 'all', admin: 'all' },
} as const satisfies Record<string, Partial<Record<Holder, Grant>>>;

/** A person's standing in one community (its members table), beside their role in the organization. */
export type CommunityStanding = 'moderator' | 'member';
/** Who a cell of the table is for: a role in the organization, or a standing in a community. */
export type Holder = MemberRole | CommunityStanding;

/** How far a role holds a permission: every group of the organization, or the groups the member facilitates. */
export type Grant = 'all' | 'own';
export type Permission = keyof typeof PERMISSIONS;

/** How far a role holds a permission (pure; the table above), or null for not at all. */
export function grantOf(role: Holder | null | undefined, permission: Permission): Grant | null {
  if (role == null) return null;
  return (PERMISSIONS[permission] as Partial<Record<Holder, Grant>>)[role] ?? null;
}

/** Whether a role holds a permission for at least some groups (pure; the table above). */
export function can(role: Holder | null | undefined, permission: Permission): boolean {
  return grantOf(role, permission) !== null;
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

/** Whether the acting user's facilitator profile is linked to the group. */
export async function facilitates(ctx: Context, groupId: string): Promise<boolean> {
  if (ctx.actor.type !== 'user') return false;
  const [row] = await ctx.db
    .select({ id: groupFacilitators.groupId })
    .from(groupFacilitators)
    .innerJoin(facilitators, eq(facilitators.id, groupFacilitators.facilitatorId))
    .where(and(eq(groupFacilitators.groupId, groupId), eq(facilitators.userId, ctx.actor.userId)))
    .limit(1);
  return Boolean(row);
}

/**
 * Same check for a group: resolves its organization first, and for a permission a role holds for
 * its own groups only, checks that the member facilitates this one (Forbidden otherwise). Returns
 * the organization id and role.
 */
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
  if (grantOf(role, permission) === 'own' && !(await facilitates(ctx, groupId))) {
    throw new Forbidden(`your role (${role}) allows ${permission} only for the groups you facilitate`, 'not_your_group');
  }
  return { organizationId: group.organizationId, role };
}

/** Platform administrators review licences and listing reports (the admin area). */
export async function requirePlatformAdmin(ctx: Context): Promise<string> {
  const userId = requireUserId(ctx);
  const [row] = await ctx.db.select({ admin: users.isPlatformAdmin }).from(users).where(eq(users.id, userId));
  if (!row?.admin) throw new Forbidden('platform administrators only');
  return userId;
}
