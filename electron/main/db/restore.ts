/**
 * Restoring a backup: the file must be a sound database of this app (not newer than it), and the
 * current database is itself backed up before it is replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import { latestSchemaVersion } from './migrations/index';
import { schemaVersionOf } from './open-database';

export interface RestoreCheck {
  schemaVersion: number;
  workstationId: string;
}

export function checkRestorable(file: string): RestoreCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new DxError('REFUSED', `${file} does not exist or is not a file`);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DxError('REFUSED', `${file} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    let schemaVersion: number;
    try {
      schemaVersion = schemaVersionOf(db);
    } catch {
      throw new DxError('REFUSED', `${file} is not a SQLite database`);
    }
    if (schemaVersion < 1) throw new DxError('REFUSED', `${file} is not a database of this app (no schema version)`);
    if (schemaVersion > latestSchemaVersion) {
      throw new DxError('REFUSED', `${file} has schema version ${schemaVersion}, newer than this app supports (${latestSchemaVersion})`);
    }
    const hasMeta = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").pluck().get() === 1;
    const workstationId = hasMeta ? (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").pluck().get() as string | undefined) : undefined;
    if (workstationId === undefined) throw new DxError('REFUSED', `${file} is not a database of this app (no workstation id)`);
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') throw new DxError('REFUSED', `${file} is damaged: ${String(integrity)}`);
    return { schemaVersion, workstationId };
  } finally {
    db.close();
  }
}

/** Copies `source` over `target` with SQLite's backup API (WAL-safe), after backing `target` up. */
export async function restoreDatabase(source: string, target: string): Promise<{ previousBackup: string | null } & RestoreCheck> {
  const check = checkRestorable(source);
  let previousBackup: string | null = null;
  if (fs.existsSync(target)) {
    const current = new BetterSqlite3(target, { fileMustExist: true });
    try {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      previousBackup = path.join(path.dirname(target), 'backups', `${path.basename(target)}.before-restore.${stamp}.bak`);
      fs.mkdirSync(path.dirname(previousBackup), { recursive: true });
      await current.backup(previousBackup);
    } finally {
      current.close();
    }
  }
  const from = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
  return { previousBackup, ...check };
}
