/**
 * This workstation's change counter (change_log, filled by the triggers of migration 0011).
 * The one module that writes it and its pause outside those triggers: a bundle import pauses
 * the logging inside its own transaction, so what arrived from elsewhere is not exported again
 * as this workstation's work (and costs no extra writes per record).
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';
import { lastExport } from './bundle-history';

export function changeCounter(db: Database): number {
  return (db.prepare('SELECT max(seq) FROM change_log').pluck().get() as number | null) ?? 0;
}

/** Call inside the import's transaction only: a rollback or the matching resume lifts it. */
export function pauseChangeLog(db: Database): void {
  db.prepare('INSERT OR IGNORE INTO change_log_pause (one) VALUES (1)').run();
}

export function resumeChangeLog(db: Database): void {
  db.prepare('DELETE FROM change_log_pause').run();
}

/** Whether this workstation changed the record after its last export: its own work not yet sent, which nothing received may overwrite. */
export function isUnsent(db: Database, table: string, id: string): boolean {
  const logged = prepared(db, 'SELECT seq FROM change_log WHERE table_name = ? AND record_id = ?').get(table, id) as { seq: number } | undefined;
  if (logged === undefined) return false;
  return logged.seq > (lastExport(db, 'workstation')?.changeTo ?? 0);
}
