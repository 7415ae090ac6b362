/**
 * Local users and who did what. Passwords are scrypt hashes with their parameters; five wrong
 * passwords set `locked_until`. Assessments and rectifications gain the user id of the person who
 * submitted, signed, opened and closed them (the names stay, for reading on other workstations).
 */
import type { Migration } from '../migration';

export const migration0007: Migration = {
  version: 7,
  name: 'users and the actor of each change',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL CHECK (json_valid(roles) AND json_array_length(roles) > 0),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE assessments ADD COLUMN submitted_by_id TEXT;
      ALTER TABLE assessments ADD COLUMN signed_by_id TEXT;
      ALTER TABLE rectifications ADD COLUMN opened_by_id TEXT;
      ALTER TABLE rectifications ADD COLUMN closed_by_id TEXT;

      CREATE TRIGGER assessments_signer_immutable BEFORE UPDATE OF signed_by_id, submitted_by_id ON assessments
      WHEN OLD.status IN ('signed', 'final')
        AND (NEW.signed_by_id IS NOT OLD.signed_by_id OR NEW.submitted_by_id IS NOT OLD.submitted_by_id)
      BEGIN SELECT RAISE(ABORT, 'who submitted and signed a signed assessment never changes'); END;
    `);
  },
};
