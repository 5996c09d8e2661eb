import { and, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, users } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { organizationBySlug } from '../running/shared';

export const PAGE_SIZE = 50;

export const listAuditLogInput = z.object({
  organizationSlug: z.string().trim().min(1).max(200),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export interface AuditEntry {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorType: string;
  /** The organizer's name for actions by a user; never a participant's identity. */
  actorName: string | null;
  data: Record<string, unknown>;
}

/**
 * An organization's audit log for its owners and admins, newest first, 50 entries a page, each
 * with who acted (an organizer's name; participants and the system stay unnamed), the action,
 * what it touched and when.
 */
export async function listAuditLog({ ctx, input }: { ctx: Context; input: z.input<typeof listAuditLogInput> }) {
  const q = parseInput(listAuditLogInput, input);
  const org = await organizationBySlug(ctx, q.organizationSlug, 'audit.view');
  const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, org.id));
  const list = await ctx.db
    .select({ a: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, and(eq(auditLog.actorType, 'user'), eq(users.id, auditLog.actorId)))
    .where(eq(auditLog.organizationId, org.id))
    .orderBy(desc(auditLog.createdAt), desc(sql`${auditLog.id}`))
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE);
  const n = total?.n ?? 0;
  const entries: AuditEntry[] = list.map(({ a, actorName }) => ({
    id: a.id,
    at: a.createdAt,
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    actorType: a.actorType,
    actorName: a.actorType === 'user' ? actorName : null,
    data: a.data,
  }));
  return {
    organization: { id: org.id, slug: org.slug, name: org.name },
    entries,
    page: q.page,
    pages: Math.max(1, Math.ceil(n / PAGE_SIZE)),
    total: n,
  };
}

export type AuditLogPage = Awaited<ReturnType<typeof listAuditLog>>;
