export { listAuditLog, listAuditLogInput, PAGE_SIZE, type AuditEntry, type AuditLogPage } from './list-audit-log';
