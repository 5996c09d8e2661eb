import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, groups } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import { requireGroupPermission } from '../policy/permissions';
import { refreshGroupSearch } from '../search/refresh-group-search';

export type GroupRow = typeof groups.$inferSelect;

/** Checks `groups.edit` on the group and returns its row (NotFound for strangers, Forbidden for facilitators). */
export async function editableGroup(ctx: Context, groupId: string): Promise<GroupRow> {
  await requireGroupPermission(ctx, groupId, 'groups.edit');
  const [row] = await ctx.db.select().from(groups).where(eq(groups.id, groupId));
  if (!row) throw new NotFound('group');
  return row;
}

/** Locks the group row for the rest of the transaction (one editor change at a time). */
export async function lockGroup(tx: Context, groupId: string): Promise<GroupRow> {
  const [row] = await tx.db.select().from(groups).where(eq(groups.id, groupId)).for('update');
  if (!row) throw new NotFound('group');
  return row;
}

export interface AuditEntry {
  organizationId: string;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

/** Writes the audit row of an organizer's action (in the caller's transaction). */
export async function audit(tx: Context, entry: AuditEntry): Promise<void> {
  const actorId = tx.actor.type === 'user' ? tx.actor.userId : null;
  await tx.db.insert(auditLog).values({
    organizationId: entry.organizationId,
    actorType: tx.actor.type === 'user' ? 'user' : 'system',
    actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data ?? {},
    createdAt: tx.now,
  });
}

/** Marks the group as changed and rebuilds its search row. */
export async function touchGroup(tx: Context, groupId: string): Promise<void> {
  await tx.db.update(groups).set({ updatedAt: tx.now }).where(eq(groups.id, groupId));
  await refreshGroupSearch(tx.db, [groupId], tx.now);
}

/** A URL-safe slug from a title, with a short random suffix so that it is unique. */
export function slugFrom(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${base || 'group'}-${randomBytes(3).toString('hex')}`;
}

/** A slug no other group uses yet. */
export async function freshSlug(tx: Context, title: string): Promise<string> {
  for (;;) {
    const slug = slugFrom(title);
    const [taken] = await tx.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug));
    if (!taken) return slug;
  }
}

export { DATE_RE, TIME_RE, isRealDate, isTimeZone, blankToNull } from './values';
