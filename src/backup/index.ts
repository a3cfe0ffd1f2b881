// Backups and restores of a whole site (issue 21, item 1): the archive (manifest, one JSON-lines file per table,
// the documents), its consistent reading while the site serves, its checked restore into any database, and the
// scheduled backups of the back office. The only door into this module.
export { createBackup, type BackupProgress, type BackupResult, type SiteLocation } from './create-backup.ts';
export { restoreBackup, type RestoreProgress, type RestoreResult } from './restore-backup.ts';
export { backupFilePath, backupsDir, listBackups, pruneBackups, type BackupFile } from './backups-folder.ts';
export type { Manifest } from './manifest.ts';
export { BACKUP_JOB, backupJobHandler, backupQueueState, requestBackup, scheduleBackups } from './scheduled-backups.ts';
