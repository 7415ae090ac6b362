/**
 * Opens the workstation database: WAL, foreign keys, busy timeout, durable commits, then
 * brings the schema up to date. A file from a newer app, or another program's SQLite file, is
 * refused and left byte-for-byte untouched; before any migration of an existing file an online
 * backup is written beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Migration } from './migration';
import { latestSchemaVersion, migrations as allMigrations } from './migrations/index';
import { dingxingApplicationId, recognizeDatabase } from './recognize-database';
import { dxErrorOfSqlite } from './sqlite-errors';
import { createPrivateFile, folderFor, privateFolder, restrictFile } from '../files/private-files';
import { pageCacheKib } from './page-cache';
import { systemClock } from '../platform/platform';

/** How long a write waits for another program's write to finish before answering BUSY. */
export const busyTimeoutMs = 5000;

export interface OpenOptions {
  /** Defaults to every migration of this version of the app. */
  migrations?: readonly Migration[];
  /** Skip the pre-migration backup (used for brand-new files and in tests that count files). */
  backupBeforeMigrate?: boolean;
  readonly?: boolean;
  /** The clock that dates the pre-migration backup (the door's platform clock). */
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database;
  file: string;
  /** Versions applied by this open, and the backup made before them. */
  migrated: { from: number; to: number; backupFile: string | null };
}

function configure(db: Database, readonly: boolean): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma(`cache_size = -${pageCacheKib}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // FULL in WAL mode: a commit survives a power cut, which a user's save must.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
}

function openFile(file: string, readonly: boolean): Database {
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new DxError('DB_UNAVAILABLE', `${file} 是文件夹，不是数据库文件 / ${file} is a folder, not a database file`, { file });
  }
  if (!readonly) {
    const dir = path.dirname(file);
    try {
      folderFor(dir);
      // A new database is created private (SQLite gives its -wal and -shm the same mode).
      if (!fs.existsSync(file)) createPrivateFile(file);
    } catch (error) {
      throw new DxError('DB_UNAVAILABLE', `Cannot create the folder for the database ${file}: ${(error as Error).message}`);
    }
  }
  try {
    return new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new DxError('DB_UNAVAILABLE', `无法打开数据库 ${file} / cannot open the database ${file}: ${(error as Error).message}`, { file });
  }
}

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export async function backupTo(db: Database, target: string): Promise<void> {
  privateFolder(path.dirname(target));
  createPrivateFile(target);
  await db.backup(target);
}

function backupFileName(file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(path.dirname(file), 'backups', `${path.basename(file)}.v${fromVersion}.${stamp}.bak`);
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? allMigrations;
  const latest = options.migrations ? migrations.length : latestSchemaVersion;
  const readonly = options.readonly ?? false;
  const existed = fs.existsSync(file) && !fs.statSync(file).isDirectory() && fs.statSync(file).size > 0;
  if (existed) {
    // Look through a read-only handle first: another program's file, or a newer one, stays untouched.
    const probe = openFile(file, true);
    try {
      const seen = recognizeDatabase(probe, file, migrations);
      refuseIfTooNew(seen.version, latest, file);
    } finally {
      probe.close();
    }
  }
  const db = openFile(file, readonly);
  try {
    const seen = recognizeDatabase(db, file, migrations);
    const from = seen.version;
    refuseIfTooNew(from, latest, file);
    // Ours: a file made by an older version (0644) becomes private before its WAL is created.
    if (!readonly) for (const suffix of ['', '-wal', '-shm']) restrictFile(`${file}${suffix}`);
    configure(db, readonly);
    let backupFile: string | null = null;
    if (from < latest && !readonly) {
      if (existed && from > 0 && options.backupBeforeMigrate !== false) {
        backupFile = backupFileName(file, from, (options.now ?? systemClock())());
        await backupTo(db, backupFile);
      }
      applyMigrations(db, migrations, from);
    } else if (seen.kind === 'ours' && seen.legacy && !readonly) {
      // A file from before the application id was written: mark it once, so it is known as ours.
      db.transaction(() => db.pragma(`application_id = ${dingxingApplicationId}`)).immediate();
    }
    return { db, file, migrated: { from, to: Math.max(from, schemaVersionOf(db)), backupFile } };
  } catch (error) {
    db.close();
    throw dxErrorOfSqlite(error) ?? error;
  }
}

function refuseIfTooNew(version: number, latest: number, file: string): void {
  if (version > latest) {
    throw new DxError(
      'DB_TOO_NEW',
      `数据库 ${file} 的架构版本 ${version} 比本应用支持的 ${latest} 新，请升级应用；文件未改动 / The database ${file} has schema version ${version}, newer than this app supports (${latest}). Update the app; the file was not changed.`,
      { schemaVersion: version, supported: latest },
    );
  }
}

export function applyMigrations(db: Database, migrations: readonly Migration[], from: number): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      db.pragma(`application_id = ${dingxingApplicationId}`);
    }).immediate();
  }
}
