/** Reading certificates (with their revocation and status) into the API's shape. No rules here. */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Certificate } from '@shared/api/procedures/certificates';
import type { CertificateStatus, RevocationCause } from '@shared/domain/certificate';

export interface CertificateRow {
  id: string;
  workstation_id: string;
  number: string;
  sequence: number;
  assessment_id: string;
  unit_id: string;
  unit_name: string;
  uscc: string | null;
  district_code: string;
  cycle: number;
  stars: number;
  issued_on: string;
  valid_until: string;
  authority: string;
  qr_payload: string;
  issued_by: string;
  issued_at: string;
  district_name: string | null;
  cause: RevocationCause | null;
  reason: string | null;
  revoked_on: string | null;
  revoked_by: string | null;
  revoking_assessment_id: string | null;
}

export const certificateSelect = `
  SELECT c.*, d.name AS district_name, r.cause, r.reason, r.revoked_on, r.revoked_by, r.assessment_id AS revoking_assessment_id
    FROM certificates c
    LEFT JOIN districts d ON d.code = c.district_code
    LEFT JOIN certificate_revocations r ON r.certificate_id = c.id`;

export function statusOf(row: Pick<CertificateRow, 'cause' | 'valid_until'>, today: string): CertificateStatus {
  if (row.cause !== null) return 'revoked';
  return today > row.valid_until ? 'expired' : 'valid';
}

export function toCertificate(row: CertificateRow, today: string): Certificate {
  return {
    id: row.id,
    number: row.number,
    workstationId: row.workstation_id,
    assessmentId: row.assessment_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    uscc: row.uscc,
    districtCode: row.district_code,
    districtName: row.district_name ?? row.district_code,
    cycle: row.cycle,
    stars: row.stars,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    authority: row.authority,
    qrPayload: row.qr_payload,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    status: statusOf(row, today),
    revocation:
      row.cause === null
        ? null
        : { cause: row.cause, reason: row.reason ?? '', revokedOn: row.revoked_on ?? '', revokedBy: row.revoked_by ?? '', assessmentId: row.revoking_assessment_id },
  };
}

export function findCertificateRow(db: Database, id: string): CertificateRow | undefined {
  return db.prepare(`${certificateSelect} WHERE c.id = ?`).get(id) as CertificateRow | undefined;
}

export function getCertificateRow(db: Database, id: string): CertificateRow {
  const row = findCertificateRow(db, id);
  if (!row) throw new DxError('NOT_FOUND', `没有证书 ${id} / no certificate ${id}`);
  return row;
}

export function findByAssessment(db: Database, assessmentId: string): CertificateRow | undefined {
  return db.prepare(`${certificateSelect} WHERE c.assessment_id = ?`).get(assessmentId) as CertificateRow | undefined;
}

export function findByNumber(db: Database, workstationId: string, number: string): CertificateRow | undefined {
  return db.prepare(`${certificateSelect} WHERE c.workstation_id = ? AND c.number = ?`).get(workstationId, number) as CertificateRow | undefined;
}

export interface CertificateFilter {
  district?: string | undefined;
  cycle?: number | undefined;
  status?: CertificateStatus | undefined;
  search?: string | undefined;
  ids?: string[] | undefined;
  limit?: number | undefined;
}

function certificateWhere(filter: CertificateFilter, today: string): { clause: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.district) {
    where.push('c.district_code = @district');
    params.district = filter.district.toUpperCase();
  }
  if (filter.cycle !== undefined) {
    where.push('c.cycle = @cycle');
    params.cycle = filter.cycle;
  }
  // Found from the revocations, a few rows: \`r.id IS NOT NULL\` walked every certificate in print order.
  if (filter.status === 'revoked') where.push('c.id IN (SELECT certificate_id FROM certificate_revocations)');
  if (filter.status === 'valid' || filter.status === 'expired') {
    where.push(filter.status === 'valid' ? 'r.id IS NULL AND c.valid_until >= @today' : 'r.id IS NULL AND c.valid_until < @today');
    params.today = today;
  }
  if (filter.search) {
    where.push("(c.unit_name LIKE @search ESCAPE '\\' OR c.number LIKE @search ESCAPE '\\' OR c.uscc LIKE @search ESCAPE '\\')");
    params.search = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  }
  if (filter.ids) {
    where.push('c.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(filter.ids);
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const printOrder = 'ORDER BY c.cycle DESC, c.district_code, c.sequence';

/** Certificates matching the filter: by district, cycle and number (print order), `limit` rows at most. */
export function listCertificateRows(db: Database, filter: CertificateFilter, today: string): CertificateRow[] {
  const { clause, params } = certificateWhere(filter, today);
  const sql = `${certificateSelect} ${clause} ${printOrder} LIMIT ${Math.max(1, Math.min(filter.limit ?? 500, 100_000))}`;
  return db.prepare(sql).all(params) as CertificateRow[];
}

/** The count of a filter and the rowids of one page (named parameters @limit and @offset), in print order. */
export function certificatePageSql(filter: Omit<CertificateFilter, 'limit' | 'ids'>, today: string): { total: string; ids: string; params: Record<string, unknown> } {
  const { clause, params } = certificateWhere(filter, today);
  const from = 'FROM certificates c LEFT JOIN certificate_revocations r ON r.certificate_id = c.id';
  return { total: `SELECT count(*) AS n ${from} ${clause}`, ids: `SELECT c.rowid ${from} ${clause} ${printOrder} LIMIT @limit OFFSET @offset`, params };
}

/**
 * One page of the list in print order and how many match: the page is found in the print-order
 * index and only its rows are joined, so a city office's tens of thousands of certificates never
 * cross to the screen at once.
 */
export function pageCertificateRows(db: Database, filter: Omit<CertificateFilter, 'limit' | 'ids'>, today: string, page: { offset: number; limit: number }): { total: number; rows: CertificateRow[] } {
  const { total: totalSql, ids, params } = certificatePageSql(filter, today);
  const total = (db.prepare(totalSql).get(params) as { n: number }).n;
  const rows = db.prepare(`${certificateSelect} WHERE c.rowid IN (${ids}) ${printOrder}`).all({ ...params, limit: page.limit, offset: page.offset }) as CertificateRow[];
  return { total, rows };
}
