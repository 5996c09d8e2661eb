export { createOrganization, createOrganizationInput, type CreateOrganizationInput } from './create-organization';
export { updateOrganization, updateOrganizationInput, type UpdateOrganizationInput } from './update-organization';
export { listMyOrganizations, type MyOrganization } from './list-my-organizations';
export { getOrganization, type OrganizationView } from './get-organization';
export { findOrganizationBySlug } from './find-organization-by-slug';
export { listMembers, type MemberView, type InvitationView } from './list-members';
export { inviteMember, inviteMemberInput, type InviteMemberInput, MESSAGE_MAX } from './invite-member';
export { acceptInvitation, getInvitation, type InvitationDetails, type InvitationState } from './accept-invitation';
export { revokeInvitation } from './revoke-invitation';
export { changeMemberRole } from './change-member-role';
export { removeMember } from './remove-member';
export {
  organizationProfileInput,
  missingLanguages,
  nameIn,
  slugify,
  hashToken,
  NAME_MAX,
  DESCRIPTION_MAX,
  type OrganizationProfileInput,
} from './shared';
