/**
 * Workstation keys and star-plaque certificates (issue 10). The private keys are stored only
 * sealed under a random key-encryption key, which is stored wrapped once per unlock method
 * (OS keychain, passphrase). Certificates and revocations are append-only: the triggers refuse
 * any change and any deletion. Numbers are gap-free per workstation, cycle and district: the
 * sequence is taken inside the issuing transaction.
 *
 */
import type { Migration } from '../migration';

export const migration0008: Migration = {
  version: 8,
  name: 'workstation keys, certificates, revocations',
  up(db) {
    db.exec(`
      CREATE TABLE workstation_keys (
        workstation_id TEXT PRIMARY KEY,
        ed25519_public_key TEXT NOT NULL,
        certificate_pem TEXT NOT NULL,
        sealed_private_keys BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE workstation_key_wraps (
        workstation_id TEXT NOT NULL REFERENCES workstation_keys (workstation_id),
        method TEXT NOT NULL,
        wrapped_key BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (workstation_id, method)
      ) STRICT;

      CREATE TABLE certificate_authorities (
        district_code TEXT PRIMARY KEY,
        authority TEXT NOT NULL CHECK (length(authority) BETWEEN 1 AND 60),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE certificates (
        id TEXT PRIMARY KEY,
        workstation_id TEXT NOT NULL,
        number TEXT NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        assessment_id TEXT NOT NULL UNIQUE REFERENCES assessments (id),
        unit_id TEXT NOT NULL REFERENCES units (id),
        unit_name TEXT NOT NULL,
        uscc TEXT,
        district_code TEXT NOT NULL,
        cycle INTEGER NOT NULL CHECK (cycle BETWEEN 2000 AND 2100),
        stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
        issued_on TEXT NOT NULL,
        valid_until TEXT NOT NULL,
        authority TEXT NOT NULL,
        qr_payload TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        UNIQUE (workstation_id, number),
        UNIQUE (workstation_id, cycle, district_code, sequence)
      ) STRICT;

      CREATE INDEX certificates_unit ON certificates (unit_id, issued_at);
      CREATE INDEX certificates_list ON certificates (cycle, district_code, number);

      CREATE TRIGGER certificates_no_update BEFORE UPDATE ON certificates
      BEGIN SELECT RAISE(ABORT, 'certificates are append-only; revoke and issue anew'); END;
      CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
      BEGIN SELECT RAISE(ABORT, 'certificates are append-only; revoke and issue anew'); END;

      CREATE TABLE certificate_revocations (
        id TEXT PRIMARY KEY,
        certificate_id TEXT NOT NULL UNIQUE REFERENCES certificates (id),
        workstation_id TEXT NOT NULL,
        cause TEXT NOT NULL CHECK (cause IN ('veto', 'superseded', 'manual')),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        assessment_id TEXT REFERENCES assessments (id),
        revoked_on TEXT NOT NULL,
        revoked_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER certificate_revocations_no_update BEFORE UPDATE ON certificate_revocations
      BEGIN SELECT RAISE(ABORT, 'revocations are append-only'); END;
      CREATE TRIGGER certificate_revocations_no_delete BEFORE DELETE ON certificate_revocations
      BEGIN SELECT RAISE(ABORT, 'revocations are append-only'); END;
    `);
  },
};
