/**
 * The city as the record of truth (issue 17, docs/registry.md): where each star-history row came
 * from (an assessment, or paper from before the app), the districts each workstation serves and
 * the short code the city office gives it at enrollment (inside its plaque numbers), the city's
 * picture as a laptop keeps it apart from its own work (history rows and current certificates of
 * its districts), history rows that do not count while a person decides (held conflicts, rows
 * set aside), assessments signed on a basis the city's history has since changed, and the
 * inspection plan (which travels in bundles both ways, so its changes are logged for export).
 */
import type { Migration } from '../migration';

/** Two characters, no 0/O or 1/I: short enough to read aloud inside a plaque number. */
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function codeAt(index: number): string {
  return `${codeAlphabet[Math.floor(index / codeAlphabet.length) % codeAlphabet.length]}${codeAlphabet[index % codeAlphabet.length]}`;
}

export const migration0019: Migration = {
  version: 19,
  name: 'the city registry: history origins, districts and codes, the city picture, holds, stale bases, the inspection plan',
  up(db) {
    db.exec(`
      ALTER TABLE unit_star_history ADD COLUMN source TEXT NOT NULL DEFAULT 'assessment' CHECK (source IN ('assessment', 'paper'));
      ALTER TABLE unit_star_history ADD COLUMN entered_by TEXT;
      CREATE INDEX unit_star_history_assessment ON unit_star_history (assessment_id) WHERE assessment_id IS NOT NULL;

      -- A plaque number is looked up across workstations: the city refuses a second certificate under one.
      CREATE INDEX certificates_number ON certificates (number);

      ALTER TABLE trusted_workstations ADD COLUMN code TEXT;
      CREATE UNIQUE INDEX trusted_workstations_code ON trusted_workstations (code) WHERE code IS NOT NULL;

      CREATE TABLE workstation_districts (
        workstation_id TEXT NOT NULL,
        district_code TEXT NOT NULL REFERENCES districts (code),
        PRIMARY KEY (workstation_id, district_code)
      ) STRICT;

      -- The city's history rows of the units this laptop serves, as its last city bundle said.
      CREATE TABLE city_star_history (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units (id),
        cycle INTEGER NOT NULL,
        stars INTEGER NOT NULL CHECK (stars BETWEEN 0 AND 5),
        previous_stars INTEGER NOT NULL CHECK (previous_stars BETWEEN 0 AND 5),
        assessed_on TEXT NOT NULL,
        vetoed INTEGER NOT NULL CHECK (vetoed IN (0, 1)),
        decided_by TEXT,
        source TEXT NOT NULL CHECK (source IN ('assessment', 'paper')),
        workstation_id TEXT,
        assessment_id TEXT,
        entered_by TEXT,
        created_at TEXT NOT NULL,
        received_from TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX city_star_history_unit ON city_star_history (unit_id, cycle);

      -- The city's current certificates of those units (other workstations' plaques).
      CREATE TABLE city_certificates (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL,
        workstation_id TEXT NOT NULL,
        unit_id TEXT NOT NULL REFERENCES units (id),
        assessment_id TEXT,
        cycle INTEGER NOT NULL,
        stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
        issued_on TEXT NOT NULL,
        valid_until TEXT NOT NULL,
        received_from TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX city_certificates_unit ON city_certificates (unit_id);

      -- A history row (here or in the city's picture) that does not count in the history in
      -- force: held while its conflict is open, set aside once a person chose the other side.
      CREATE TABLE history_holds (
        history_id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL,
        cycle INTEGER NOT NULL,
        conflict_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('held', 'set-aside')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX history_holds_unit ON history_holds (unit_id);

      -- A signed assessment whose basis (the stars held before its cycle, a veto lockout) the
      -- history in force no longer agrees with; open until a person decides.
      CREATE TABLE stale_bases (
        assessment_id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL,
        cycle INTEGER NOT NULL,
        signed_previous_stars INTEGER NOT NULL,
        previous_stars INTEGER NOT NULL,
        signed_locked_out INTEGER NOT NULL CHECK (signed_locked_out IN (0, 1)),
        locked_out INTEGER NOT NULL CHECK (locked_out IN (0, 1)),
        last_veto_on TEXT,
        signed_stars INTEGER NOT NULL,
        stars_now INTEGER,
        detected_at TEXT NOT NULL,
        decision TEXT CHECK (decision IS NULL OR decision IN ('reissue', 'stands')),
        note TEXT,
        decided_by TEXT,
        decided_at TEXT
      ) STRICT;
      CREATE INDEX stale_bases_unit ON stale_bases (unit_id);
      CREATE INDEX stale_bases_open ON stale_bases (detected_at) WHERE decision IS NULL;

      -- Which workstation assesses which unit in a cycle, and by when.
      CREATE TABLE inspection_plan (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        cycle INTEGER NOT NULL CHECK (cycle BETWEEN 2000 AND 2100),
        unit_id TEXT NOT NULL REFERENCES units (id),
        assignee_id TEXT NOT NULL,
        due_on TEXT NOT NULL,
        planned_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (cycle, unit_id)
      ) STRICT;
      CREATE INDEX inspection_plan_assignee ON inspection_plan (assignee_id, cycle, due_on);

      CREATE TRIGGER inspection_plan_change_insert AFTER INSERT ON inspection_plan WHEN NOT EXISTS (SELECT 1 FROM change_log_pause)
      BEGIN INSERT OR REPLACE INTO change_log (table_name, record_id) VALUES ('inspection_plan', NEW.id); END;
      CREATE TRIGGER inspection_plan_change_update AFTER UPDATE ON inspection_plan WHEN NOT EXISTS (SELECT 1 FROM change_log_pause)
      BEGIN INSERT OR REPLACE INTO change_log (table_name, record_id) VALUES ('inspection_plan', NEW.id); END;
    `);
    // Workstations this database enrolled itself (not those a city roster brought) get their
    // codes in the order they were enrolled; later enrollments take the next free one.
    const enrolled = db
      .prepare("SELECT workstation_id FROM trusted_workstations WHERE kind = 'workstation' AND enrolled_by NOT LIKE 'city:%' ORDER BY enrolled_at, workstation_id")
      .pluck()
      .all() as string[];
    const setCode = db.prepare('UPDATE trusted_workstations SET code = ? WHERE workstation_id = ?');
    enrolled.forEach((workstationId, index) => setCode.run(codeAt(index), workstationId));
  },
};
