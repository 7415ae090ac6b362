/**
 * The stars each unit holds in each cycle, kept beside the star history so the 平安鼎 coverage of a
 * cycle is a count, not a pass over the whole history (at 100,000 units the window over the
 * history took 1.6 s). A unit holds in cycle Y the stars of its latest decision in force of
 * cycle Y, else of cycle Y − 1 (a star stays valid through the next cycle, docs/ding.md); a unit
 * with no decision in either holds nothing that cycle and has no row.
 *
 * star-history.ts writes the rows, in the transaction that changes the unit's history in force.
 * district_code, kind and in_scope are copies of the unit's, kept in step by a trigger.
 *
 * The coverage itself is kept as counts, by triggers, so no writer can forget them and the
 * 平安鼎 table reads a few hundred rows: unit_scope_counts (in-scope units by district and kind,
 * following every unit written) and unit_starred_counts (in-scope units holding ≥ 1 star by cycle,
 * district and kind, following unit_stars_by_cycle). Rows at 0 stay; readers skip them.
 *
 * Also: in-scope units by district, kind and stars from an index (home page), and the cycles
 * the history knows without reading all of it.
 */
import type { Migration } from '../migration';

export const migration0017: Migration = {
  version: 17,
  name: 'stars each unit holds by cycle, and coverage counts',
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

      -- Each unit's latest decision in force of each cycle; it holds those stars that cycle and the next.
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

      CREATE TABLE unit_scope_counts (
        district_code TEXT NOT NULL,
        kind TEXT NOT NULL,
        in_scope_units INTEGER NOT NULL CHECK (in_scope_units >= 0),
        PRIMARY KEY (district_code, kind)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO unit_scope_counts (district_code, kind, in_scope_units)
      SELECT district_code, kind, count(*) FROM units WHERE in_scope = 1 GROUP BY district_code, kind;

      CREATE TABLE unit_starred_counts (
        cycle INTEGER NOT NULL,
        district_code TEXT NOT NULL,
        kind TEXT NOT NULL,
        starred_units INTEGER NOT NULL CHECK (starred_units >= 0),
        PRIMARY KEY (cycle, district_code, kind)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO unit_starred_counts (cycle, district_code, kind, starred_units)
      SELECT cycle, district_code, kind, count(*) FROM unit_stars_by_cycle WHERE in_scope = 1 AND stars >= 1 GROUP BY cycle, district_code, kind;

      CREATE TRIGGER unit_scope_counts_insert AFTER INSERT ON units WHEN NEW.in_scope = 1
      BEGIN
        INSERT INTO unit_scope_counts (district_code, kind, in_scope_units) VALUES (NEW.district_code, NEW.kind, 1)
          ON CONFLICT (district_code, kind) DO UPDATE SET in_scope_units = in_scope_units + 1;
      END;
      CREATE TRIGGER unit_scope_counts_update AFTER UPDATE OF district_code, kind, in_scope ON units
      WHEN NEW.district_code IS NOT OLD.district_code OR NEW.kind IS NOT OLD.kind OR NEW.in_scope IS NOT OLD.in_scope
      BEGIN
        UPDATE unit_scope_counts SET in_scope_units = in_scope_units - 1 WHERE OLD.in_scope = 1 AND district_code = OLD.district_code AND kind = OLD.kind;
        INSERT INTO unit_scope_counts (district_code, kind, in_scope_units) SELECT NEW.district_code, NEW.kind, 1 WHERE NEW.in_scope = 1
          ON CONFLICT (district_code, kind) DO UPDATE SET in_scope_units = in_scope_units + 1;
      END;
      CREATE TRIGGER unit_scope_counts_delete AFTER DELETE ON units WHEN OLD.in_scope = 1
      BEGIN
        UPDATE unit_scope_counts SET in_scope_units = in_scope_units - 1 WHERE district_code = OLD.district_code AND kind = OLD.kind;
      END;

      CREATE TRIGGER unit_starred_counts_insert AFTER INSERT ON unit_stars_by_cycle WHEN NEW.in_scope = 1 AND NEW.stars >= 1
      BEGIN
        INSERT INTO unit_starred_counts (cycle, district_code, kind, starred_units) VALUES (NEW.cycle, NEW.district_code, NEW.kind, 1)
          ON CONFLICT (cycle, district_code, kind) DO UPDATE SET starred_units = starred_units + 1;
      END;
      CREATE TRIGGER unit_starred_counts_update AFTER UPDATE ON unit_stars_by_cycle
      BEGIN
        UPDATE unit_starred_counts SET starred_units = starred_units - 1
         WHERE OLD.in_scope = 1 AND OLD.stars >= 1 AND cycle = OLD.cycle AND district_code = OLD.district_code AND kind = OLD.kind;
        INSERT INTO unit_starred_counts (cycle, district_code, kind, starred_units) SELECT NEW.cycle, NEW.district_code, NEW.kind, 1 WHERE NEW.in_scope = 1 AND NEW.stars >= 1
          ON CONFLICT (cycle, district_code, kind) DO UPDATE SET starred_units = starred_units + 1;
      END;
      CREATE TRIGGER unit_starred_counts_delete AFTER DELETE ON unit_stars_by_cycle WHEN OLD.in_scope = 1 AND OLD.stars >= 1
      BEGIN
        UPDATE unit_starred_counts SET starred_units = starred_units - 1 WHERE cycle = OLD.cycle AND district_code = OLD.district_code AND kind = OLD.kind;
      END;

      CREATE INDEX units_scope_district_kind ON units (in_scope, district_code, kind, current_stars);
      CREATE INDEX unit_star_history_cycle ON unit_star_history (cycle);
    `);
  },
};
