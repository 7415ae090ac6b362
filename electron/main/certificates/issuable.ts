/**
 * Whether an assessment may carry a certificate: signed (or final), at least one star, and not
 * superseded (by a signed correction, or by a later signed assessment of the same unit).
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';

export interface IssuableAssessment {
  id: string;
  unitId: string;
  unitName: string;
  uscc: string | null;
  districtCode: string;
  cycle: number;
  stars: number;
}

interface Row {
  id: string;
  status: string;
  unit_id: string;
  cycle: number;
  awarded_stars: number | null;
  signed_at: string | null;
  unit_name: string;
  uscc: string | null;
  district_code: string;
  superseded_by: string | null;
}

export function issuableAssessment(db: Database, assessmentId: string): IssuableAssessment {
  const row = db
    .prepare(
      `SELECT a.id, a.status, a.unit_id, a.cycle, a.awarded_stars, a.signed_at, u.name AS unit_name, u.uscc, u.district_code,
              (SELECT later.id FROM assessments later
                WHERE later.id <> a.id AND later.unit_id = a.unit_id AND later.status IN ('signed', 'final')
                  AND (later.supersedes_id = a.id OR later.cycle > a.cycle OR (later.cycle = a.cycle AND later.signed_at > a.signed_at))
                ORDER BY later.signed_at DESC LIMIT 1) AS superseded_by
         FROM assessments a JOIN units u ON u.id = a.unit_id WHERE a.id = ?`,
    )
    .get(assessmentId) as Row | undefined;
  if (!row) throw new DxError('NOT_FOUND', `没有评定 ${assessmentId} / no assessment ${assessmentId}`, { reason: 'no-assessment' });
  if (row.status !== 'signed' && row.status !== 'final') {
    throw new DxError('CONFLICT', `评定 ${assessmentId} 尚未签署定稿（当前为 ${row.status}），不能签发证书 / assessment ${assessmentId} is ${row.status}, not final: only a signed assessment gets a certificate`, { reason: 'not-final', status: row.status });
  }
  if ((row.awarded_stars ?? 0) < 1) {
    throw new DxError('CONFLICT', `评定 ${assessmentId} 未评上星级（0 星），不能签发证书 / assessment ${assessmentId} awarded 0 stars: there is no plaque to issue`, { reason: 'no-stars' });
  }
  if (row.superseded_by !== null) {
    throw new DxError('CONFLICT', `评定 ${assessmentId} 已被评定 ${row.superseded_by} 取代，请为新的评定签发证书 / assessment ${assessmentId} was superseded by ${row.superseded_by}; issue from that one`, { reason: 'superseded', supersededBy: row.superseded_by });
  }
  return { id: row.id, unitId: row.unit_id, unitName: row.unit_name, uscc: row.uscc, districtCode: row.district_code, cycle: row.cycle, stars: row.awarded_stars as number };
}
