/**
 * The one writer of history_holds: star-history rows that do not count in the history in force
 * while a person decides between two sides of a conflict (`held`), or after they chose the other
 * side (`set-aside`). A row is never deleted or changed for this; it is only left out of the
 * history the engine and the unit's current stars are read from (star-history.ts).
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';

export interface HistoryHold {
  historyId: string;
  unitId: string;
  cycle: number;
  conflictId: string;
  state: 'held' | 'set-aside';
}

/** Holds (or sets aside) a row; a row already held keeps its first conflict. */
export function holdHistoryRow(db: Database, hold: HistoryHold, now: string): void {
  prepared(
    db,
    `INSERT INTO history_holds (history_id, unit_id, cycle, conflict_id, state, created_at, updated_at) VALUES (@historyId, @unitId, @cycle, @conflictId, @state, @now, @now)
     ON CONFLICT (history_id) DO UPDATE SET state = excluded.state, conflict_id = excluded.conflict_id, updated_at = excluded.updated_at`,
  ).run({ ...hold, now });
}

/** The row counts again (its side was chosen). */
export function releaseHistoryRow(db: Database, historyId: string): void {
  prepared(db, 'DELETE FROM history_holds WHERE history_id = ?').run(historyId);
}

export function holdOf(db: Database, historyId: string): HistoryHold | undefined {
  return prepared(db, 'SELECT history_id AS historyId, unit_id AS unitId, cycle, conflict_id AS conflictId, state FROM history_holds WHERE history_id = ?').get(historyId) as HistoryHold | undefined;
}
