import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { facilitators, groupFacilitators, groups, organizationMembers, organizations, users, type MemberRole } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { can, requirePermission, requireUserId } from '../policy/permissions';
import { bilingual, type Bilingual } from '../text';
import type { FacilitatorRow } from './shared';

export const listFacilitatorsInput = z.object({ organizationId: z.uuid() });

export interface FacilitatorListItem extends FacilitatorRow {
  /** The linked account, when the profile describes a member. */
  user: { id: string; name: string; email: string } | null;
  groups: { id: string; slug: string; title: Bilingual; status: string; kind: string }[];
  /** Whether the person asking may submit or edit this profile's licence. */
  canSubmitLicence: boolean;
}

export interface FacilitatorList {
  organization: { id: string; slug: string; name: Bilingual };
  role: MemberRole;
  /** Whether the person asking may create and edit profiles and link them to groups (groups.edit). */
  canEdit: boolean;
  facilitators: FacilitatorListItem[];
  /** For editors: the organization's members (to link a profile to an account) and groups. */
  members: { userId: string; name: string; email: string; role: MemberRole }[];
  groups: { id: string; slug: string; title: Bilingual; status: string; kind: string }[];
}

/** The organization's facilitator profiles with their licence status and groups (organization.view). */
export async function listFacilitators({ ctx, input }: { ctx: Context; input: z.input<typeof listFacilitatorsInput> }): Promise<FacilitatorList> {
  const q = parseInput(listFacilitatorsInput, input);
  const role = await requirePermission(ctx, q.organizationId, 'organization.view');
  const me = requireUserId(ctx);
  const canEdit = can(role, 'groups.edit');

  const [org] = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr })
    .from(organizations)
    .where(eq(organizations.id, q.organizationId));

  const rows = await ctx.db
    .select({ f: facilitators, user: { id: users.id, name: users.name, email: users.email } })
    .from(facilitators)
    .leftJoin(users, eq(users.id, facilitators.userId))
    .where(eq(facilitators.organizationId, q.organizationId))
    .orderBy(asc(facilitators.displayName), asc(facilitators.createdAt));

  const ids = rows.map((r) => r.f.id);
  const links = ids.length
    ? await ctx.db
        .select({
          facilitatorId: groupFacilitators.facilitatorId,
          id: groups.id,
          slug: groups.slug,
          titleEn: groups.titleEn,
          titleFr: groups.titleFr,
          status: groups.status,
          kind: groups.kind,
        })
        .from(groupFacilitators)
        .innerJoin(groups, eq(groups.id, groupFacilitators.groupId))
        .where(inArray(groupFacilitators.facilitatorId, ids))
        .orderBy(asc(groups.titleEn), asc(groups.titleFr))
    : [];

  const groupView = (g: { id: string; slug: string; titleEn: string | null; titleFr: string | null; status: string; kind: string }) => ({
    id: g.id,
    slug: g.slug,
    title: bilingual(g.titleEn, g.titleFr),
    status: g.status,
    kind: g.kind,
  });

  const members = canEdit
    ? await ctx.db
        .select({ userId: users.id, name: users.name, email: users.email, role: organizationMembers.role })
        .from(organizationMembers)
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .where(eq(organizationMembers.organizationId, q.organizationId))
        .orderBy(asc(users.name))
    : [];
  const orgGroups = canEdit
    ? await ctx.db
        .select({ id: groups.id, slug: groups.slug, titleEn: groups.titleEn, titleFr: groups.titleFr, status: groups.status, kind: groups.kind })
        .from(groups)
        .where(eq(groups.organizationId, q.organizationId))
        .orderBy(asc(groups.titleEn), asc(groups.titleFr))
    : [];

  return {
    organization: { id: org!.id, slug: org!.slug, name: bilingual(org!.nameEn, org!.nameFr) },
    role,
    canEdit,
    facilitators: rows.map(({ f, user }) => ({
      ...f,
      user: user ?? null,
      groups: links.filter((l) => l.facilitatorId === f.id).map(groupView),
      canSubmitLicence: canEdit || f.userId === me,
    })),
    members,
    groups: orgGroups.map(groupView),
  };
}
