/**
 * Automatic backups while the app runs (desktop and serve): one when the newest automatic
 * backup is older than a day, then daily; older ones rotate (7 daily, 4 weekly, 12 monthly).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFile, privateFolder } from '../files/private-files';
import type { Database } from 'better-sqlite3';
import { backupsToKeep } from './backup-rotation';

const prefix = 'dingxing-auto-';

export interface BackupScheduleOptions {
  backupDir: string;
  maxAgeMs?: number;
  now: () => Date;
}

function autoBackups(backupDir: string): string[] {
  if (!fs.existsSync(backupDir)) return [];
  // The timestamp in the name sorts chronologically.
  return fs
    .readdirSync(backupDir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.sqlite'))
    .sort();
}

/** When a backup was taken, from its name (file times change when files are copied). */
function takenAt(name: string): number {
  const stamp = name.slice(prefix.length, -'.sqlite'.length).replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  const time = Date.parse(stamp);
  return Number.isNaN(time) ? 0 : time;
}

export async function backupIfDue(db: Database, options: BackupScheduleOptions): Promise<string | null> {
  const now = options.now();
  const maxAgeMs = options.maxAgeMs ?? 24 * 3600 * 1000;
  const newest = autoBackups(options.backupDir).at(-1);
  if (newest !== undefined && now.getTime() - takenAt(newest) < maxAgeMs) return null;
  privateFolder(options.backupDir);
  const file = path.join(options.backupDir, `${prefix}${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  createPrivateFile(file);
  await db.backup(file);
  const dated = autoBackups(options.backupDir).map((name) => ({ name, takenAt: new Date(takenAt(name)) }));
  const keep = backupsToKeep(dated);
  for (const old of dated) if (!keep.has(old.name)) fs.rmSync(path.join(options.backupDir, old.name), { force: true });
  return file;
}

export function startBackupSchedule(db: Database, options: BackupScheduleOptions, onError: (error: unknown) => void = console.error): () => void {
  const run = () => void backupIfDue(db, options).catch(onError);
  run();
  const timer = setInterval(run, 3600 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
