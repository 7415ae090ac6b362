/**
 * The one writer of revocation_notices: certificates revoked on other workstations, as the city
 * office's bundles report them. This laptop does not hold those certificates (nor their units and
 * assessments), so a notice is kept apart from certificate_revocations; verifying a certificate
 * here consults both.
 */
import type { Database } from 'better-sqlite3';
import type { RevocationCause } from '@shared/domain/certificate';

export interface RevocationNotice {
  id: string;
  certificateId: string;
  certificateNumber: string;
  issuerWorkstationId: string;
  cause: RevocationCause;
  reason: string;
  revokedOn: string;
  revokedBy: string;
  createdAt: string;
}

/** Keeps a notice; false when it was here already. Call inside the import's transaction. */
export function keepNotice(db: Database, notice: RevocationNotice, receivedFrom: string, receivedAt: string): boolean {
  return (
    db
      .prepare(
        `INSERT OR IGNORE INTO revocation_notices (id, certificate_id, certificate_number, issuer_workstation_id, cause, reason, revoked_on, revoked_by, created_at, received_from, received_at)
         VALUES (@id, @certificateId, @certificateNumber, @issuerWorkstationId, @cause, @reason, @revokedOn, @revokedBy, @createdAt, @receivedFrom, @receivedAt)`,
      )
      .run({ ...notice, receivedFrom, receivedAt }).changes === 1
  );
}

/** The notice of a certificate's revocation elsewhere, by its issuing workstation and number. */
export function findNotice(db: Database, issuerWorkstationId: string, certificateNumber: string): RevocationNotice | undefined {
  return db
    .prepare(
      `SELECT id, certificate_id AS certificateId, certificate_number AS certificateNumber, issuer_workstation_id AS issuerWorkstationId, cause, reason,
              revoked_on AS revokedOn, revoked_by AS revokedBy, created_at AS createdAt
       FROM revocation_notices WHERE issuer_workstation_id = ? AND certificate_number = ? ORDER BY created_at LIMIT 1`,
    )
    .get(issuerWorkstationId, certificateNumber) as RevocationNotice | undefined;
}
