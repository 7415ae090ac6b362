/**
 * This workstation's change counter (change_log, filled by the triggers of migration 0012).
 * The one module that writes it outside those triggers: an import forgets the entries its own
 * writes made, so what arrived from elsewhere is not exported again as this workstation's work.
 */
import type { Database } from 'better-sqlite3';

export function changeCounter(db: Database): number {
  return (db.prepare('SELECT max(seq) FROM change_log').pluck().get() as number | null) ?? 0;
}

export function forgetChangesAfter(db: Database, seq: number): void {
  db.prepare('DELETE FROM change_log WHERE seq > ?').run(seq);
}
