/**
 * City bundles (issue 12 item 6): what a laptop keeps from the city office's bundles beside the
 * tables they fill directly (rubric_packs, trusted_workstations, district_inputs). Receipts: what
 * the city office did with each of this laptop's bundles. Revocation notices: certificates revoked
 * on other workstations, which this laptop does not hold but must report as revoked when it
 * verifies one. Both append-only, keyed by the city's ids, so a city bundle imported twice adds nothing.
 *
 */
import type { Migration } from '../migration';

export const migration0013: Migration = {
  version: 13,
  name: 'city bundles: receipts and revocation notices',
  up(db) {
    db.exec(`
      CREATE TABLE bundle_receipts (
        id TEXT PRIMARY KEY,
        city_workstation_id TEXT NOT NULL,
        bundle_id TEXT,
        sequence INTEGER,
        status TEXT NOT NULL CHECK (status IN ('imported', 'refused')),
        report TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        received_in TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bundle_receipts_bundle ON bundle_receipts (bundle_id);

      CREATE TABLE revocation_notices (
        id TEXT PRIMARY KEY,
        certificate_id TEXT NOT NULL,
        certificate_number TEXT NOT NULL,
        issuer_workstation_id TEXT NOT NULL,
        cause TEXT NOT NULL CHECK (cause IN ('veto', 'superseded', 'manual')),
        reason TEXT NOT NULL,
        revoked_on TEXT NOT NULL,
        revoked_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        received_from TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX revocation_notices_number ON revocation_notices (issuer_workstation_id, certificate_number);

      CREATE TRIGGER bundle_receipts_no_update BEFORE UPDATE ON bundle_receipts
      BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END;
      CREATE TRIGGER revocation_notices_no_update BEFORE UPDATE ON revocation_notices
      BEGIN SELECT RAISE(ABORT, 'revocation notices are append-only'); END;
    `);
  },
};
