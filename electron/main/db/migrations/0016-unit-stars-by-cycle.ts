/**
 * The stars each unit holds in each cycle, kept beside the star history so the 平安鼎 coverage of a
 * cycle is a count, not a pass over the whole history (at 100,000 units the window over the
 * history took 1.6 s). A unit holds in cycle Y the stars of its latest decision in force of
 * cycle Y, else of cycle Y − 1 (a star stays valid through the next cycle, docs/ding.md); a unit
 * with no decision in either holds nothing that cycle and has no row.
 *
 * star-history.ts writes the rows, in the transaction that changes the unit's history in force.
 * district_code, kind and in_scope are copies of the unit's, so a cycle's coverage by district
 * and kind is read from one index; the trigger below keeps them in step with the unit.
 *
 * Also: in-scope units by district, kind and stars from an index (home page, coverage), and the
 * cycles the history knows without reading all of it.
 */
import type { Migration } from '../migration';

export const migration0016: Migration = {
  version: 16,
  name: 'stars each unit holds by cycle',
  up(db) {
    db.exec(`
      CREATE TABLE unit_stars_by_cycle (
        unit_id TEXT NOT NULL REFERENCES units (id),
        cycle INTEGER NOT NULL,
        stars INTEGER NOT NULL CHECK (stars BETWEEN 0 AND 5),
        awarded_cycle INTEGER NOT NULL,
        district_code TEXT NOT NULL,
        kind TEXT NOT NULL,
        in_scope INTEGER NOT NULL CHECK (in_scope IN (0, 1)),
        PRIMARY KEY (unit_id, cycle),
        CHECK (awarded_cycle <= cycle)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX unit_stars_by_cycle_coverage ON unit_stars_by_cycle (cycle, in_scope, district_code, kind, stars);

      CREATE TRIGGER unit_stars_by_cycle_follow_unit AFTER UPDATE OF district_code, kind, in_scope ON units
      WHEN NEW.district_code IS NOT OLD.district_code OR NEW.kind IS NOT OLD.kind OR NEW.in_scope IS NOT OLD.in_scope
      BEGIN
        UPDATE unit_stars_by_cycle SET district_code = NEW.district_code, kind = NEW.kind, in_scope = NEW.in_scope WHERE unit_id = NEW.id;
      END;

      CREATE INDEX units_scope_district_kind ON units (in_scope, district_code, kind, current_stars);
      CREATE INDEX unit_star_history_cycle ON unit_star_history (cycle);

      WITH in_force AS (
        SELECT h.unit_id, h.cycle, h.stars,
               row_number() OVER (PARTITION BY h.unit_id, h.cycle ORDER BY h.assessed_on DESC, h.created_at DESC) AS position
          FROM unit_star_history h
         WHERE NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))
      ),
      decided AS (SELECT unit_id, cycle, stars FROM in_force WHERE position = 1),
      held AS (SELECT unit_id, cycle FROM decided UNION SELECT unit_id, cycle + 1 FROM decided)
      INSERT INTO unit_stars_by_cycle (unit_id, cycle, stars, awarded_cycle, district_code, kind, in_scope)
      SELECT held.unit_id, held.cycle, coalesce(this.stars, before.stars), coalesce(this.cycle, before.cycle), u.district_code, u.kind, u.in_scope
        FROM held
        JOIN units u ON u.id = held.unit_id
        LEFT JOIN decided this ON this.unit_id = held.unit_id AND this.cycle = held.cycle
        LEFT JOIN decided before ON before.unit_id = held.unit_id AND before.cycle = held.cycle - 1;
    `);
  },
};
