/**
 * The city office's bundle for laptops (docs/bundle-format.md, "City bundles"): its rubric pack
 * versions, its trust roster (with each workstation's code and districts), every certificate
 * revocation it knows, the district inputs, a receipt for each laptop bundle it received, and the
 * registry of record of the districts its laptops serve (registry-export.ts). Always complete (a
 * state, not a change set): every part is idempotent at the laptop, so any city bundle brings a
 * laptop up to date, and a lost one costs nothing. One file serves every laptop; each keeps its
 * own receipts and the registry of its own districts.
 */
import type { Database } from 'better-sqlite3';
import type { DomainContext } from '../context/domain-context';
import { changeCounter } from './change-log';
import { jsonLines, writeSignedBundle } from './export-bundle';
import type { ExportOptions, WrittenBundle } from './export-bundle';
import { allRowIds, readRows } from './record-rows';
import { localDate } from '../context/local-date';
import { registryLines } from './registry-export';
import { rosterOf } from '../trust/trust-store';
import type { ZipEntry } from './zip-writer';
import { verificationAddress } from '../workstation/workstation';

type Line = Record<string, unknown>;

function packLines(db: Database, origin: string): Line[] {
  const rows = db.prepare('SELECT ref, type, sha256, body FROM rubric_packs ORDER BY added_at, ref').all() as { ref: string; type: string; sha256: string; body: string }[];
  return rows.map((row) => ({ _origin: origin, _version: 0, id: row.ref, type: row.type, sha256: row.sha256, body: row.body }));
}

function rosterLines(db: Database, origin: string): Line[] {
  return rosterOf(db).map((entry) => ({
    _origin: origin, _version: 0, id: entry.workstationId, name: entry.name, kind: 'workstation', ed25519_public_key: entry.ed25519PublicKey, certificate_pem: entry.certificatePem,
    fingerprint: entry.fingerprint, enrolled_at: entry.enrolledAt, revoked_at: entry.revokedAt, revoke_reason: entry.revokeReason, code: entry.code, districts: entry.districts,
  }));
}

function noticeLines(db: Database): Line[] {
  return db
    .prepare(
      `SELECT r.workstation_id AS _origin, 0 AS _version, r.id, r.certificate_id, c.number AS certificate_number, c.workstation_id AS issuer_workstation_id, r.cause, r.reason, r.revoked_on, r.revoked_by, r.created_at
       FROM certificate_revocations r JOIN certificates c ON c.id = r.certificate_id ORDER BY r.created_at, r.id`,
    )
    .all() as Line[];
}

function districtInputLines(db: Database): Line[] {
  return readRows(db, 'district_inputs', allRowIds(db, 'district_inputs')).map((row) => ({ _origin: row.workstation_id, _version: 0, ...row }));
}

/** One receipt per laptop bundle received (imported or refused) whose source is known. */
function receiptLines(db: Database, origin: string): Line[] {
  const rows = db
    .prepare("SELECT id, source_workstation_id, bundle_id, sequence, status, imported_at, report FROM bundle_imports WHERE kind = 'workstation' AND length(source_workstation_id) BETWEEN 1 AND 64 ORDER BY imported_at, id")
    .all() as { id: string; source_workstation_id: string; bundle_id: string | null; sequence: number | null; status: string; imported_at: string; report: string }[];
  return rows.map((row) => ({
    _origin: origin, _version: 0, id: row.id, workstation_id: row.source_workstation_id, bundle_id: row.bundle_id !== null && row.bundle_id.length <= 64 && row.bundle_id.length > 0 ? row.bundle_id : null, sequence: row.sequence !== null && row.sequence >= 1 ? row.sequence : null,
    status: row.status, imported_at: row.imported_at, report: row.report,
  }));
}

/** The city office's settings for laptops: the verification address once it was set (also when cleared). */
function settingLines(db: Database, origin: string): Line[] {
  const { address, setAt } = verificationAddress(db);
  return setAt === null ? [] : [{ _origin: origin, _version: 0, id: 'verification_address', value: address, set_at: setAt }];
}

export async function exportCityBundle(ctx: DomainContext, options: ExportOptions): Promise<WrittenBundle> {
  const { db } = ctx;
  const origin = options.signer.source.workstationId;
  const parts: [string, Line[]][] = [
    ['rubric_packs', packLines(db, origin)],
    ['trust_roster', rosterLines(db, origin)],
    ['revocation_notices', noticeLines(db)],
    ['district_inputs', districtInputLines(db)],
    ['receipts', receiptLines(db, origin)],
    ['city_settings', settingLines(db, origin)],
    ...registryLines(db, origin, localDate(ctx.now())),
  ];
  const entries: ZipEntry[] = [];
  const counts: Record<string, number> = {};
  parts.forEach(([table, lines], index) => {
    counts[table] = lines.length;
    if (lines.length > 0) entries.push({ name: `records/${table}.jsonl`, bytes: jsonLines(lines), compress: true });
    options.progress?.(index + 1, parts.length, table);
    options.throwIfCancelled?.();
  });
  counts.evidence_files = 0;
  return writeSignedBundle(ctx, { ...options, full: true }, { kind: 'city', entries, counts, changes: { from: 0, to: changeCounter(db) }, auditTo: 0 });
}
