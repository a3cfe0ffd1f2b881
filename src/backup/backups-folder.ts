// <dataDir>/backups/: where `tisse backup` without --to and the scheduled backups put their archives, the list the
// back office shows and serves, and the pruning that keeps the newest N.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TisseError } from '../kernel/errors.ts';

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/** tisse-20261207-140500-3fa9.tar.gz: sorts by date; the random end keeps two backups of one second apart. */
const NAME = /^tisse-\d{8}-\d{6}-[0-9a-f]{4}\.tar\.gz$/;

export function newBackupName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `tisse-${stamp}-${randomBytes(2).toString('hex')}.tar.gz`;
}

export interface BackupFile {
  name: string;
  bytes: number;
  createdAt: string;
}

/** The finished archives of the folder, newest first (archives being written have another name). */
export function listBackups(dataDir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((name) => NAME.test(name))
    .map((name) => {
      const stats = statSync(join(backupsDir(dataDir), name));
      return { name, bytes: stats.size, createdAt: stats.mtime.toISOString() };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** The path of one archive of the folder, by its name as listed; any other name is not found. */
export function backupFilePath(dataDir: string, name: string): string {
  if (!NAME.test(name) || !listBackups(dataDir).some((b) => b.name === name)) throw new TisseError('NOT_FOUND', 'errors.backup.notFound');
  return join(backupsDir(dataDir), name);
}

/** Deletes all but the `keep` newest archives; returns the names deleted. */
export function pruneBackups(dataDir: string, keep: number): string[] {
  const old = listBackups(dataDir).slice(Math.max(1, keep));
  for (const { name } of old) rmSync(join(backupsDir(dataDir), name), { force: true });
  return old.map((b) => b.name);
}

export function ensureBackupsDir(dataDir: string): string {
  mkdirSync(backupsDir(dataDir), { recursive: true });
  return backupsDir(dataDir);
}

/** A backup that died half-way (a killed process) leaves its staging folder and partial file: gone after a day. */
const LEFTOVER_AGE_MS = 24 * 60 * 60 * 1000;

/** Removes what backups killed half-way left in the folder; a backup running now is younger than a day. */
export function removeLeftovers(dataDir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(backupsDir(dataDir));
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith('.partial-') && !/\.partial-[0-9a-f]+$/.test(name)) continue;
    const path = join(backupsDir(dataDir), name);
    if (now - statSync(path).mtimeMs < LEFTOVER_AGE_MS) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
