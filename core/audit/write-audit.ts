import { auditLog } from '../../db/schema';
import type { Context } from '../context';

/** Who a line of the audit log names as acting, when it is not the context's actor. */
export type AuditActor = { type: 'participant'; id: string } | { type: 'system' };

/** One line of an organization's audit log: who did what to which thing, with details. */
export interface AuditRecord {
  /** Null for acts of the platform's administrators that concern no one organization. */
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
  /** A participant acting through their link, or the system (the worker); by default the context's actor. */
  actor?: AuditActor;
}

/**
 * Writes lines of the audit log in the caller's transaction, so that they commit with the act they
 * record. Without `actor`, a line names the context's actor: a signed-in user by id.
 */
export async function audit(tx: Context, ...records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.db.insert(auditLog).values(
    records.map((r) => {
      const actor = r.actor ?? (tx.actor.type === 'user' ? { type: 'user', id: tx.actor.userId } : { type: tx.actor.type });
      return {
        organizationId: r.organizationId,
        actorType: actor.type,
        actorId: 'id' in actor ? actor.id : null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        data: r.data ?? {},
        createdAt: tx.now,
      };
    }),
  );
}
