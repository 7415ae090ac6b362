/**
 * The unit registry: Wuhan's districts (seed data), their streets, the units that are rated and
 * each unit's star history. The assessment workflow (0003 on) writes stars and history; this
 * migration only shapes them.
 */
import type { Migration } from '../migration';

export const migration0002: Migration = {
  version: 2,
  name: 'unit registry',
  up(db) {
    db.exec(`
      CREATE TABLE districts (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('district', 'zone')),
        sort INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE streets (
        id TEXT PRIMARY KEY,
        district_code TEXT NOT NULL REFERENCES districts (code),
        name TEXT NOT NULL,
        UNIQUE (district_code, name)
      ) STRICT;

      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'community', 'village', 'institution')),
        industry TEXT,
        district_code TEXT NOT NULL REFERENCES districts (code),
        street_id TEXT REFERENCES streets (id),
        address TEXT,
        uscc TEXT UNIQUE,
        households INTEGER CHECK (households IS NULL OR households >= 0),
        contact TEXT,
        phone TEXT,
        in_scope INTEGER NOT NULL DEFAULT 1 CHECK (in_scope IN (0, 1)),
        current_stars INTEGER NOT NULL DEFAULT 0 CHECK (current_stars BETWEEN 0 AND 5),
        last_assessed_on TEXT,
        last_veto_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (district_code, name)
      ) STRICT;

      -- The list screen filters by district, kind, industry and stars and sorts by name;
      -- UNIQUE (district_code, name) already serves "district" and "district, sort by name".
      CREATE INDEX units_kind ON units (kind, name);
      CREATE INDEX units_industry ON units (industry, name) WHERE industry IS NOT NULL;
      CREATE INDEX units_stars ON units (current_stars, name);
      CREATE INDEX units_district_stars ON units (district_code, current_stars);
      CREATE INDEX units_name ON units (name);
      CREATE INDEX units_street ON units (street_id) WHERE street_id IS NOT NULL;

      CREATE TABLE unit_star_history (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units (id),
        cycle INTEGER NOT NULL,
        stars INTEGER NOT NULL CHECK (stars BETWEEN 0 AND 5),
        previous_stars INTEGER NOT NULL CHECK (previous_stars BETWEEN 0 AND 5),
        assessed_on TEXT NOT NULL,
        assessment_id TEXT,
        vetoed INTEGER NOT NULL DEFAULT 0 CHECK (vetoed IN (0, 1)),
        decided_by TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX unit_star_history_unit ON unit_star_history (unit_id, assessed_on);
    `);
  },
};
