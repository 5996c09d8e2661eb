import type { MemberRole } from '../../db/schema/enums';

// Limits and lists the organizer pages show in the browser too: this module imports nothing that
// only runs on the server.

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const MESSAGE_MAX = 2000;
/**
 * Invitations an organization may send in any 24 hours: enough to bring a whole team on board in a
 * day (a hospice's volunteers), too few to use Cercle to mail strangers.
 */
export const INVITATIONS_PER_DAY = 30;
/** An organization may add a personal message to its invitations once it is this old (a day). */
export const INVITATION_MESSAGE_AFTER_MS = 24 * 3_600_000;

/** Roles from the most to the least powerful (the order of lists and menus). */
export const ROLES_IN_ORDER = ['owner', 'admin', 'facilitator'] as const satisfies readonly MemberRole[];
