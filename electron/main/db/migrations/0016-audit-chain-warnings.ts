/**
 * The city office holds each workstation's audit chain head to head (issue 19): a bundle whose
 * chain restarts, leaves a gap, ends shorter or comes without its signed head is refused, and the
 * refusal is kept on the workstation's trust entry as a warning until a person acknowledges it.
 * Warnings are kept for good: only the acknowledgment is ever filled in, once. The received
 * entries get the index their head-to-head comparison reads by (workstation, seq) and by hash.
 */
import type { Migration } from '../migration';

export const migration0016: Migration = {
  version: 16,
  name: 'audit chain warnings on trust entries',
  up(db) {
    db.exec(`
      CREATE TABLE trust_warnings (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        import_id TEXT NOT NULL,
        bundle_id TEXT,
        sequence INTEGER,
        problem TEXT NOT NULL,
        seq_from INTEGER,
        seq_to INTEGER,
        message TEXT NOT NULL,
        message_en TEXT NOT NULL,
        created_at TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by TEXT,
        acknowledge_note TEXT,
        CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
      ) STRICT;
      CREATE INDEX trust_warnings_workstation ON trust_warnings (workstation_id, created_at);

      CREATE TRIGGER trust_warnings_no_delete BEFORE DELETE ON trust_warnings
      BEGIN SELECT RAISE(ABORT, 'trust warnings are kept'); END;
      CREATE TRIGGER trust_warnings_acknowledge_once BEFORE UPDATE ON trust_warnings
      WHEN OLD.acknowledged_at IS NOT NULL
        OR NEW.id IS NOT OLD.id OR NEW.workstation_id IS NOT OLD.workstation_id OR NEW.import_id IS NOT OLD.import_id
        OR NEW.bundle_id IS NOT OLD.bundle_id OR NEW.sequence IS NOT OLD.sequence OR NEW.problem IS NOT OLD.problem
        OR NEW.seq_from IS NOT OLD.seq_from OR NEW.seq_to IS NOT OLD.seq_to OR NEW.message IS NOT OLD.message
        OR NEW.message_en IS NOT OLD.message_en OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'a trust warning is only acknowledged, once'); END;

      CREATE INDEX bundle_audit_entries_chain ON bundle_audit_entries (workstation_id, seq);
      CREATE INDEX bundle_audit_entries_hash ON bundle_audit_entries (workstation_id, hash);
    `);
  },
};
