import type { MemberRole } from '../../db/schema/enums';

// Limits and lists the organizer pages show in the browser too: this module imports nothing that
// only runs on the server.

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const MESSAGE_MAX = 2000;

/** Roles from the most to the least powerful (the order of lists and menus). */
export const ROLES_IN_ORDER = ['owner', 'admin', 'facilitator'] as const satisfies readonly MemberRole[];
