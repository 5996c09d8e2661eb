import { asc, eq } from 'drizzle-orm';
import { organizationMembers, organizations, type MemberRole } from '../../db/schema';
import type { Context } from '../context';
import { requireUserId } from '../policy/permissions';

export interface MyOrganization {
  id: string;
  slug: string;
  nameEn: string;
  nameFr: string | null;
  verification: 'unverified' | 'pending' | 'verified' | 'rejected';
  role: MemberRole;
}

/** Every organization the signed-in person belongs to, with their role in each (by name). */
export async function listMyOrganizations({ ctx }: { ctx: Context; input?: Record<string, never> }): Promise<MyOrganization[]> {
  const userId = requireUserId(ctx);
  return ctx.db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      nameEn: organizations.nameEn,
      nameFr: organizations.nameFr,
      verification: organizations.verification,
      role: organizationMembers.role,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId))
    .orderBy(asc(organizations.nameEn), asc(organizations.id));
}
