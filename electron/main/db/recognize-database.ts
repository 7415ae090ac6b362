/**
 * Is this SQLite file ours? A database is the workstation's when it is empty (no schema at all),
 * or when it carries the app's `PRAGMA application_id` (or, for files made before the id was
 * set, none) and every table its schema version should have. Anything else belongs to another
 * program and must not be touched: not migrated, not switched to WAL, not restored over ours.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations/index';

/** "DXWS" in ASCII: written into every database this app creates or migrates. */
export const dingxingApplicationId = 0x44585753;

export type Recognition =
  /** A new or empty file: ours to create. */
  | { kind: 'empty'; version: 0 }
  /** Ours: the application id (or a file from before it was set, `legacy`) and every expected table. */
  | { kind: 'ours'; version: number; legacy: boolean };

const expectedTablesCache = new WeakMap<readonly Migration[], Map<number, string[]>>();

/** The tables a database at `version` has, found by running the migrations on an empty in-memory database. */
export function expectedTables(version: number, migrations: readonly Migration[] = allMigrations): string[] {
  let byVersion = expectedTablesCache.get(migrations);
  if (!byVersion) {
    byVersion = new Map();
    expectedTablesCache.set(migrations, byVersion);
  }
  const cached = byVersion.get(version);
  if (cached) return cached;
  const scratch = new BetterSqlite3(':memory:');
  try {
    for (const migration of migrations.slice(0, version)) migration.up(scratch);
    const tables = tableNames(scratch);
    byVersion.set(version, tables);
    return tables;
  } finally {
    scratch.close();
  }
}

function tableNames(db: Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
}

export function notOursError(file: string, reason: string, reasonEn: string, code: 'REFUSED' | 'DB_UNAVAILABLE' = 'REFUSED'): DxError {
  return new DxError(
    code,
    `不是鼎星工作站的数据库：${file}（${reason}），文件未作任何改动 / not a Dingxing workstation database: ${file} (${reasonEn}); the file was not changed`,
    { file, reason: reasonEn },
  );
}

/**
 * Reads (never writes) what `db` is. Throws REFUSED naming the file when it is another program's.
 * A version newer than `migrations` knows is reported as ours when the id matches; the caller refuses it as too new.
 */
export function recognizeDatabase(db: Database, file: string, migrations: readonly Migration[] = allMigrations): Recognition {
  let version: number;
  let applicationId: number;
  let tables: string[];
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tables = tableNames(db);
  } catch (error) {
    // Not SQLite at all (or damaged): unavailable, in the same words.
    throw notOursError(file, `不是可读的 SQLite 文件：${(error as Error).message}`, `not a readable SQLite file: ${(error as Error).message}`, 'DB_UNAVAILABLE');
  }
  const hasSchema = (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) > 0;
  if (applicationId !== 0 && applicationId !== dingxingApplicationId) {
    throw notOursError(file, `应用标识为 ${applicationId}`, `its application id is ${applicationId}`);
  }
  if (!hasSchema && version === 0) return { kind: 'empty', version: 0 };
  if (version === 0) throw notOursError(file, `含有其他程序的表：${tables.slice(0, 5).join('、')}`, `it holds another program's tables: ${tables.slice(0, 5).join(', ')}`);
  // A version past what this app knows is a newer app's (the caller refuses it as too new, touching nothing).
  if (version > migrations.length) return { kind: 'ours', version, legacy: applicationId === 0 };
  const present = new Set(tables);
  const missing = expectedTables(version, migrations).filter((table) => !present.has(table));
  if (missing.length > 0) {
    throw notOursError(file, `缺少表：${missing.slice(0, 5).join('、')}`, `missing tables: ${missing.slice(0, 5).join(', ')}`);
  }
  return { kind: 'ours', version, legacy: applicationId === 0 };
}
