/**
 * District inputs for the 平安鼎 (issue 11): per district and cycle, what the city office entered.
 * Append-only: a later entry for the same district and cycle supersedes the earlier one, which
 * stays as the record of what was decided before; the triggers refuse edits and deletions.
 */
import type { Migration } from '../migration';

export const migration0009: Migration = {
  version: 9,
  name: 'district inputs',
  up(db) {
    db.exec(`
      CREATE TABLE district_inputs (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        cycle INTEGER NOT NULL CHECK (cycle BETWEEN 2000 AND 2100),
        district_code TEXT NOT NULL REFERENCES districts (code),
        rule_of_law REAL NOT NULL CHECK (rule_of_law BETWEEN 0 AND 100),
        aspects TEXT NOT NULL CHECK (json_valid(aspects)),
        veto INTEGER NOT NULL CHECK (veto IN (0, 1)),
        veto_reason TEXT,
        previous_grade TEXT NOT NULL CHECK (previous_grade IN ('none', 'bronze', 'silver', 'gold')),
        source TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX district_inputs_current ON district_inputs (cycle, district_code, entered_at, id);

      CREATE TRIGGER district_inputs_no_update BEFORE UPDATE ON district_inputs
      BEGIN SELECT RAISE(ABORT, 'district inputs are append-only; enter a new version instead'); END;
      CREATE TRIGGER district_inputs_no_delete BEFORE DELETE ON district_inputs
      BEGIN SELECT RAISE(ABORT, 'district inputs are append-only; enter a new version instead'); END;
    `);
  },
};
