/**
 * Signed bundles (issue 12): the trust store of enrolled workstations, change tracking for
 * incremental export, the export and import history, unit links, record versions from other
 * workstations and the conflicts held for a person.
 *
 * Change tracking: every insert or update of a record that travels in bundles replaces that
 * record's row in change_log, whose AUTOINCREMENT `seq` is this workstation's change counter.
 * "Not yet exported" is `seq > the last export's change_to`, read from the primary key, without
 * scanning the tables. Rows that existed before this migration are logged once here. A bundle
 * import pauses the logging inside its transaction (change_log_pause).
 *
 */
import type { Migration } from '../migration';

/** Tables whose rows travel in a workstation bundle, each with an `id` primary key. */
export const trackedTables = ['units', 'unit_star_history', 'assessments', 'evidence', 'rectifications', 'certificates', 'certificate_revocations', 'district_inputs'] as const;

function trackingTriggers(table: string): string {
  return `
    CREATE TRIGGER ${table}_change_insert AFTER INSERT ON ${table} WHEN NOT EXISTS (SELECT 1 FROM change_log_pause)
    BEGIN INSERT OR REPLACE INTO change_log (table_name, record_id) VALUES ('${table}', NEW.id); END;
    CREATE TRIGGER ${table}_change_update AFTER UPDATE ON ${table} WHEN NOT EXISTS (SELECT 1 FROM change_log_pause)
    BEGIN INSERT OR REPLACE INTO change_log (table_name, record_id) VALUES ('${table}', NEW.id); END;
    INSERT INTO change_log (table_name, record_id) SELECT '${table}', id FROM ${table} ORDER BY rowid;`;
}

export const migration0011: Migration = {
  version: 11,
  name: 'bundles: trust store, change log, bundle history, conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE trusted_workstations (
        workstation_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'workstation' CHECK (kind IN ('workstation', 'city')),
        ed25519_public_key TEXT NOT NULL,
        certificate_pem TEXT,
        fingerprint TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        enrolled_by TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        revoke_reason TEXT
      ) STRICT;

      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        UNIQUE (table_name, record_id)
      ) STRICT;
      -- A row here (only ever inside a bundle import's transaction) stops the logging: what
      -- arrives from elsewhere is not this workstation's change.
      CREATE TABLE change_log_pause (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;

      CREATE TABLE bundle_exports (
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        bundle_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('workstation', 'city')),
        full INTEGER NOT NULL CHECK (full IN (0, 1)),
        change_from INTEGER NOT NULL,
        change_to INTEGER NOT NULL,
        audit_to INTEGER NOT NULL,
        counts TEXT NOT NULL,
        file_name TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        PRIMARY KEY (kind, sequence)
      ) STRICT;

      CREATE TABLE bundle_imports (
        id TEXT PRIMARY KEY,
        bundle_id TEXT,
        source_workstation_id TEXT,
        sequence INTEGER,
        kind TEXT,
        status TEXT NOT NULL CHECK (status IN ('imported', 'refused')),
        file_name TEXT NOT NULL,
        report TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bundle_imports_source ON bundle_imports (source_workstation_id, sequence) WHERE status = 'imported';
      CREATE INDEX bundle_imports_time ON bundle_imports (imported_at);

      -- A unit another workstation registered that is the same unit as one here (same USCC, or
      -- same district and name): its id is kept as an alias, so nothing is duplicated.
      CREATE TABLE unit_aliases (
        alias_id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units (id),
        source_workstation_id TEXT NOT NULL,
        linked_at TEXT NOT NULL
      ) STRICT;

      -- The last version of each record received from another workstation, and the hash of its
      -- content as it arrived, so a newer version updates a record nobody changed here meanwhile.
      CREATE TABLE record_versions (
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        source_workstation_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (table_name, record_id)
      ) STRICT;

      CREATE TABLE bundle_conflicts (
        id TEXT PRIMARY KEY,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        source_workstation_id TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        incoming_version INTEGER NOT NULL,
        incoming_sha256 TEXT NOT NULL,
        local_record TEXT,
        incoming_record TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolution TEXT CHECK (resolution IS NULL OR resolution IN ('keep-local', 'take-incoming')),
        resolved_by TEXT,
        resolved_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (table_name, record_id, incoming_sha256)
      ) STRICT;
      CREATE INDEX bundle_conflicts_open ON bundle_conflicts (status, created_at);

      -- Audit entries of other workstations, kept as they arrived (their own hash chain).
      CREATE TABLE bundle_audit_entries (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        data TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      ${trackedTables.map(trackingTriggers).join('\n')}
    `);
  },
};
