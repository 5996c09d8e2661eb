export { listAuditLog, listAuditLogInput, PAGE_SIZE, type AuditEntry, type AuditLogPage } from './list-audit-log';
export { audit, type AuditActor, type AuditRecord } from './write-audit';
