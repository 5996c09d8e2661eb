import { z } from 'zod';
import type { MemberRole } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { can, requirePermission, requireUserId, type Permission, PERMISSIONS } from '../policy/permissions';
import { loadOrganization, missingLanguages, uuidInput } from './shared';
import { INVITATION_MESSAGE_AFTER_MS } from './constants';

export const getOrganizationInput = z.object({ organizationId: uuidInput });

export interface OrganizationView {
  id: string;
  slug: string;
  nameEn: string;
  nameFr: string | null;
  descriptionEn: string | null;
  descriptionFr: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  region: string | null;
  verification: 'unverified' | 'pending' | 'verified' | 'rejected';
  missingLanguages: ('en' | 'fr')[];
  /** Whether invitations may carry a personal message yet (an organization a day old or more). */
  mayAddInvitationMessage: boolean;
  myRole: MemberRole;
  /** What the acting member may do here (for showing or hiding forms and links). */
  myPermissions: Permission[];
}

/** The profile of an organization the person belongs to, with their role (any member). */
export async function getOrganization({ ctx, input }: { ctx: Context; input: { organizationId: string } }): Promise<OrganizationView> {
  requireUserId(ctx);
  const q = parseInput(getOrganizationInput, input);
  const role = await requirePermission(ctx, q.organizationId, 'organization.view');
  const row = await loadOrganization(ctx, q.organizationId);
  return {
    id: row.id,
    slug: row.slug,
    nameEn: row.nameEn,
    nameFr: row.nameFr,
    descriptionEn: row.descriptionEn,
    descriptionFr: row.descriptionFr,
    website: row.website,
    email: row.email,
    phone: row.phone,
    city: row.city,
    region: row.region,
    verification: row.verification,
    missingLanguages: missingLanguages(row),
    mayAddInvitationMessage: ctx.now.getTime() - row.createdAt.getTime() >= INVITATION_MESSAGE_AFTER_MS,
    myRole: role,
    myPermissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p)),
  };
}
