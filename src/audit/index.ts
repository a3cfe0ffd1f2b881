// The back office's journal (who did what): written by admin/audit-trail.ts, read by /ecrire/journal. The only
// door into this module.
export { listAudit, recordAudit, type AuditQuery, type AuditRecord } from './audit-log.ts';
export type { AuditEntry } from '../db/schema.ts';
