/**
 * Restoring a backup so that it cannot half-fail: the file is copied beside the live database,
 * the copy is checked completely (ours by application id and tables, a version this app knows,
 * a workstation id, SQLite's full integrity check), made a standalone file and flushed to disk,
 * and only then renamed over the live file in one atomic step. On any failure before the rename
 * the live database is untouched; the replaced database is kept in backups/ first. The restore's
 * audit entry is appended to the copy before the rename, so the restored database and its entry
 * appear together or not at all.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import { latestSchemaVersion } from '../db/migrations/index';
import { notOursError, recognizeDatabase } from '../db/recognize-database';
import { createPrivateFile, folderFor, privateFolder } from '../files/private-files';
import { appendAudit } from '../audit/audit-log';
import type { AuditEntryInput } from '../audit/audit-log';
import { markRestored } from '../workstation/workstation';

export interface RestoreCheck {
  schemaVersion: number;
  workstationId: string;
}

function refused(file: string, zh: string, en: string): DxError {
  return new DxError('REFUSED', `无法恢复 ${file}：${zh}；当前数据库未改动 / cannot restore ${file}: ${en}; the current database was not changed`, { file });
}

/** Opens read-only and checks everything; never writes to `file`. */
export function checkRestorable(file: string, shownAs: string = file): RestoreCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw refused(shownAs, '文件不存在或不是文件', 'it does not exist or is not a file');
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw notOursError(shownAs, `无法打开：${(error as Error).message}`, `it cannot be opened: ${(error as Error).message}`);
  }
  try {
    let seen: ReturnType<typeof recognizeDatabase>;
    try {
      seen = recognizeDatabase(db, shownAs);
    } catch (error) {
      // A backup that is not even SQLite is a refused input here, whatever the open path calls it.
      if (error instanceof DxError) throw new DxError('REFUSED', error.message, error.details);
      throw error;
    }
    if (seen.kind === 'empty') throw notOursError(shownAs, '文件是空的', 'it is empty');
    if (seen.version > latestSchemaVersion) {
      throw refused(shownAs, `架构版本 ${seen.version} 比本应用支持的 ${latestSchemaVersion} 新`, `schema version ${seen.version} is newer than this app supports (${latestSchemaVersion})`);
    }
    const workstationId = db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").pluck().get() as string | undefined;
    if (workstationId === undefined) throw notOursError(shownAs, '没有工作站标识', 'it has no workstation id');
    const problems = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((row) => row.integrity_check).filter((text) => text !== 'ok');
    if (problems.length > 0) throw refused(shownAs, `文件已损坏：${problems.slice(0, 3).join('；')}`, `it is damaged: ${problems.slice(0, 3).join('; ')}`);
    return { schemaVersion: seen.version, workstationId };
  } catch (error) {
    if (error instanceof DxError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw refused(shownAs, `文件已损坏：${(error as Error).message}`, `it is damaged: ${(error as Error).message}`);
    throw refused(shownAs, `检查失败：${(error as Error).message}`, `its check failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every system can fsync a folder (Windows); the rename itself is still atomic there.
  }
}

/** Copies `source` into a standalone (rollback-journal) file at `staging`, through SQLite so a WAL source is read whole; appends the restore's entry to it. */
async function stage(source: string, staging: string, audit: { entry: AuditEntryInput; at: Date } | undefined): Promise<void> {
  const from = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    createPrivateFile(staging);
    await from.backup(staging);
  } finally {
    from.close();
  }
  const copy = new BetterSqlite3(staging);
  try {
    copy.pragma('journal_mode = DELETE');
    const workstationId = audit ? (copy.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").pluck().get() as string | undefined) : undefined;
    if (audit && workstationId !== undefined) {
      copy.transaction(() => markRestored(copy, appendAudit(copy, workstationId, { ...audit.entry, data: { ...audit.entry.data, file: source } }, audit.at))).immediate();
    }
  } finally {
    copy.close();
  }
  fsyncFile(staging);
}

/** Backs the live database up, then folds its WAL in and closes, so the file alone is the whole database. */
async function setAside(target: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const previousBackup = path.join(path.dirname(target), 'backups', `${path.basename(target)}.before-restore.${stamp}.bak`);
  privateFolder(path.dirname(previousBackup));
  createPrivateFile(previousBackup);
  const current = new BetterSqlite3(target, { fileMustExist: true });
  try {
    current.pragma('busy_timeout = 5000');
    await current.backup(previousBackup);
    current.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    current.close();
  }
  // The last connection to close removes the WAL file; if it is still there, someone else has the database open.
  if (fs.existsSync(`${target}-wal`)) {
    throw new DxError(
      'BUSY',
      `另一个程序正在使用数据库 ${target}，请先关闭它再恢复；当前数据库未改动 / another program has ${target} open; close it, then restore; the current database was not changed`,
      { retryable: true },
    );
  }
  return previousBackup;
}

export async function restoreDatabase(source: string, target: string, now: () => Date, audit?: AuditEntryInput): Promise<{ previousBackup: string | null } & RestoreCheck> {
  checkRestorable(source);
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.restore-${randomBytes(6).toString('hex')}.tmp`);
  try {
    folderFor(path.dirname(target));
    await stage(source, staging, audit && { entry: audit, at: now() });
    // The copy is what will become the database: check it, not only the source it came from.
    const check = checkRestorable(staging, source);
    const previousBackup = fs.existsSync(target) ? await setAside(target, now()) : null;
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staging, target);
    fsyncDir(path.dirname(target));
    return { previousBackup, ...check };
  } finally {
    fs.rmSync(staging, { force: true });
    fs.rmSync(`${staging}-journal`, { force: true });
  }
}
