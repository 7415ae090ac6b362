/** A worker's own connection to the workstation database (already migrated by the main thread). */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { pageCacheKib } from '../db/page-cache';

export function openWorkerConnection(file: string): Database {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.pragma(`cache_size = -${pageCacheKib}`);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}
