/**
 * The backups folder beside the database, as the 备份与恢复 screen shows it: every backup with
 * its kind, size and time, and whether the workstation is protected (a backup in the last 7 days,
 * at least 1 GB free on the disk that holds the database).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupFile, BackupStatus } from '@shared/api/procedures/backups';

export type { BackupFile, BackupStatus };

export type BackupKind = BackupFile['kind'];

export const backupWarnAgeMs = 7 * 24 * 3600 * 1000;
export const lowDiskBytes = 1024 ** 3;

/** `2026-12-01T03-00-00-000Z` (a file-name-safe ISO time) back to a Date; null when the name has none. */
export function parseStamp(text: string): Date | null {
  const match = /(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(text);
  if (!match) return null;
  const time = Date.parse(`${match[1]}:${match[2]}:${match[3]}.${match[4]}Z`);
  return Number.isNaN(time) ? null : new Date(time);
}

export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function kindOf(name: string): BackupKind | null {
  if (/^dingxing-auto-.*\.sqlite$/.test(name)) return 'auto';
  if (/^dingxing-.*\.sqlite$/.test(name)) return 'manual';
  if (/\.before-restore\..*\.bak$/.test(name)) return 'beforeRestore';
  if (/\.v\d+\..*\.bak$/.test(name)) return 'beforeMigration';
  return null;
}

/** The workstation a backup copy belongs to, read from its `meta`; null when it cannot be read. */
function workstationOf(file: string): string | null {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").pluck().get() as string | undefined) ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Whose a backup is, when two databases share a folder (two test databases in /tmp, a second
 * workstation's copy): the copies before a restore or migration are named after their database
 * file; a backup copy holds its workstation's id.
 */
function belongsTo(owner: BackupOwner, name: string, kind: BackupKind, file: string): boolean {
  if (kind === 'beforeRestore' || kind === 'beforeMigration') return name.startsWith(`${path.basename(owner.dbFile)}.`);
  const id = workstationOf(file);
  return id === null || id === owner.workstationId;
}

export interface BackupOwner {
  workstationId: string;
  dbFile: string;
}

/** The folder's backups, newest first; with `owner`, only that database's (another database's in the same folder are left out). */
export function listBackups(backupDir: string, owner?: BackupOwner): BackupFile[] {
  if (!fs.existsSync(backupDir)) return [];
  const files: BackupFile[] = [];
  for (const name of fs.readdirSync(backupDir)) {
    const kind = kindOf(name);
    if (kind === null) continue;
    if (owner && !belongsTo(owner, name, kind, path.join(backupDir, name))) continue;
    const stat = fs.statSync(path.join(backupDir, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    // The time in the name survives copying; the file's own time does not.
    const takenAt = parseStamp(name) ?? stat.mtime;
    files.push({ name, kind, bytes: stat.size, takenAt: takenAt.toISOString() });
  }
  return files.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

export type BackupWarning = BackupStatus['warnings'][number];

function freeBytesAt(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

export function backupStatus(backupDir: string, dataDir: string, now: Date): BackupStatus {
  // A backup that restores this workstation: automatic or taken by hand (not the copies made before a restore or migration).
  const last = listBackups(backupDir).find((backup) => backup.kind === 'auto' || backup.kind === 'manual');
  const freeBytes = freeBytesAt(dataDir);
  const warnings: BackupWarning[] = [];
  if (!last) warnings.push('noBackup');
  else if (now.getTime() - Date.parse(last.takenAt) > backupWarnAgeMs) warnings.push('backupOld');
  if (freeBytes !== null && freeBytes < lowDiskBytes) warnings.push('diskLow');
  return { lastBackupAt: last?.takenAt ?? null, freeBytes, warnings };
}

/** A path inside the backups folder for a name the user picked from the list; null for anything else. */
export function backupPath(backupDir: string, name: string): string | null {
  if (name !== path.basename(name) || kindOf(name) === null) return null;
  const file = path.join(backupDir, name);
  return fs.existsSync(file) ? file : null;
}
