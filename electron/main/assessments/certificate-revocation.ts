/**
 * Signing an assessment changes what a unit's certificates rest on: a veto removes every star
 * and revokes them (docs/domain.md, how the stars are decided); any other newly signed assessment of the
 * unit supersedes the one they were issued from. The certificates module writes the records.
 */
import type { Database } from 'better-sqlite3';
import { revokeForDecision } from '../certificates/revoke';

export interface DecisionRevocation {
  workstationId: string;
  unitId: string;
  assessmentId: string;
  vetoed: boolean;
  on: string;
  at: Date;
  by: string;
}

/** Returns how many certificates were revoked; runs inside the signing transaction. */
export function revokeCertificatesForDecision(db: Database, revocation: DecisionRevocation): number {
  return revokeForDecision(db, {
    workstationId: revocation.workstationId,
    unitId: revocation.unitId,
    assessmentId: revocation.assessmentId,
    cause: revocation.vetoed ? 'veto' : 'superseded',
    on: revocation.on,
    at: revocation.at,
    by: revocation.by,
  });
}
