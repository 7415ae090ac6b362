/**
 * Signed audit checkpoints (issue 13): every so many audit entries and at every export the
 * workstation signs the chain head (seq, entry id, hash) with its Ed25519 key. A checkpoint
 * received from another workstation (in a bundle) is kept too, with that workstation's id,
 * so a later log that was rewritten or trimmed behind it is found. Append-only.
 *
 */
import type { Migration } from '../migration';

export const migration0012: Migration = {
  version: 12,
  name: 'signed audit checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE audit_checkpoints (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        entry_id TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        reason TEXT NOT NULL CHECK (reason IN ('interval', 'export', 'manual')),
        signed_at TEXT NOT NULL,
        public_key TEXT NOT NULL,
        signature TEXT NOT NULL,
        UNIQUE (workstation_id, seq)
      ) STRICT;

      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
    `);
  },
};
