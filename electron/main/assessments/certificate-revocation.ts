/**
 * Signing an assessment changes what a unit's certificates rest on: a veto removes every star
 * and revokes them (DOMAIN.md, star decision step 1); any other newly signed assessment of the
 * unit supersedes the one they were issued from. The certificates module writes the records.
 */
import type { Database } from 'better-sqlite3';
import { revokeForDecision } from '../certificates/revoke';

export interface Revocation {
  workstationId: string;
  unitId: string;
  assessmentId: string;
  vetoed: boolean;
  on: string;
  by: string;
  /** When (ISO), for the records. */
  at: string;
}

/** Returns how many certificates were revoked; runs inside the signing transaction. */
export function revokeCertificatesForDecision(db: Database, revocation: Revocation): number {
  return revokeForDecision(db, {
    workstationId: revocation.workstationId,
    unitId: revocation.unitId,
    assessmentId: revocation.assessmentId,
    cause: revocation.vetoed ? 'veto' : 'superseded',
    on: revocation.on,
    by: revocation.by,
    at: revocation.at,
  });
}
