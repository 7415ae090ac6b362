/**
 * A veto removes every star and revokes the unit's active certificates (DOMAIN.md, star
 * decision step 1). The certificates table belongs to the certificates issue; until it exists
 * this does nothing. The certificates module may replace the body, keeping the signature.
 */
import type { Database } from 'better-sqlite3';

export interface Revocation {
  unitId: string;
  assessmentId: string;
  on: string;
  reason: string;
}

/** Returns how many certificates were revoked (0 when there is no certificates table yet). */
export function revokeCertificatesForVeto(db: Database, revocation: Revocation): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'certificates'").get();
  if (!exists) return 0;
  const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('certificates')").pluck().all() as string[]));
  if (!columns.has('unit_id') || !columns.has('revoked_at')) return 0;
  const reasonColumn = columns.has('revoked_reason') ? ', revoked_reason = @reason' : columns.has('revoke_reason') ? ', revoke_reason = @reason' : '';
  const result = db
    .prepare(`UPDATE certificates SET revoked_at = @on${reasonColumn} WHERE unit_id = @unitId AND revoked_at IS NULL`)
    .run({ on: revocation.on, reason: revocation.reason, unitId: revocation.unitId });
  return result.changes;
}
