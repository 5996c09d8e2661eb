import { and, asc, eq } from 'drizzle-orm';
import { organizationMembers } from '../../db/schema';
import type { Context } from '../context';
import { Conflict } from '../errors';

/**
 * Locks the organization's owner rows (always in the same order) and returns their user ids.
 * Role changes and removals take this lock before touching any member, so two owners demoting or
 * removing each other at the same moment run one after the other and cannot both succeed.
 */
export async function lockOwners(tx: Context, organizationId: string): Promise<string[]> {
  const rows = await tx.db
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, 'owner')))
    .orderBy(asc(organizationMembers.id))
    .for('update');
  return rows.map((r) => r.userId);
}

/** Refuses a change that would leave the organization without an owner. */
export function keepAnOwner(owners: string[], leavingUserId: string): void {
  if (owners.every((id) => id === leavingUserId)) {
    throw new Conflict('an organization always keeps at least one owner: make someone else owner first', 'last_owner');
  }
}
