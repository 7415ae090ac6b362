/**
 * Rubric packs (star and Ding), stored as their canonical JSON with its sha256. A pack is
 * immutable once stored: an assessment names `ref` and `sha256`, and must re-score the same
 * forever, so the triggers refuse any change or removal.
 */
import type { Migration } from '../migration';

export const migration0003: Migration = {
  version: 3,
  name: 'rubric packs',
  up(db) {
    db.exec(`
      CREATE TABLE rubric_packs (
        ref TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL,
        version TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('star', 'ding')),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        body TEXT NOT NULL,
        title_zh TEXT NOT NULL,
        title_en TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('default', 'import', 'bundle')),
        workstation_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        UNIQUE (pack_id, version)
      ) STRICT;

      CREATE TRIGGER rubric_packs_no_update BEFORE UPDATE ON rubric_packs
      BEGIN SELECT RAISE(ABORT, 'a rubric pack is immutable; publish a new version'); END;
      CREATE TRIGGER rubric_packs_no_delete BEFORE DELETE ON rubric_packs
      BEGIN SELECT RAISE(ABORT, 'a rubric pack is immutable; publish a new version'); END;
    `);
  },
};
