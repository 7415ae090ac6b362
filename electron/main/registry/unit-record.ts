/**
 * A unit's record of truth as one workstation sees it (docs/registry.md): its star history, this
 * workstation's rows and the city's picture together, each row with where it came from (an
 * assessment or paper, recorded by which workstation, held or set aside in a conflict); the
 * assessments signed on an outdated basis; the conflicts about it that wait for a person; and its
 * current plaque when the city knows another workstation's.
 */
import type { Database } from 'better-sqlite3';
import type { StarHistoryEntry, UnitRecord } from '@shared/api/procedures/units';
import { staleBasesOfUnit } from '../assessments/stale-basis';
import { workstationName } from '../trust/trust-store';

interface HistoryRow {
  id: string;
  cycle: number;
  stars: number;
  previous_stars: number;
  assessed_on: string;
  assessment_id: string | null;
  vetoed: number;
  decided_by: string | null;
  source: 'assessment' | 'paper';
  origin: 'here' | 'city';
  workstation_id: string | null;
  entered_by: string | null;
  hold: 'held' | 'set-aside' | null;
  superseded: number;
  created_at: string;
}

/** Every history row of the unit, newest first: this workstation's and the city's (each once). */
export function unitHistory(db: Database, unitId: string, ownWorkstationId: string): StarHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.cycle, h.stars, h.previous_stars, h.assessed_on, h.assessment_id, h.vetoed, h.decided_by, h.source, 'here' AS origin,
              coalesce(a.workstation_id, v.source_workstation_id, CASE WHEN h.source = 'paper' THEN @own END) AS workstation_id, h.entered_by,
              (SELECT state FROM history_holds x WHERE x.history_id = h.id) AS hold,
              EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final')) AS superseded, h.created_at
         FROM unit_star_history h
         LEFT JOIN assessments a ON a.id = h.assessment_id
         LEFT JOIN record_versions v ON v.table_name = 'unit_star_history' AND v.record_id = h.id
        WHERE h.unit_id = @unit
       UNION ALL
       SELECT c.id, c.cycle, c.stars, c.previous_stars, c.assessed_on, c.assessment_id, c.vetoed, c.decided_by, c.source, 'city', c.workstation_id, c.entered_by,
              (SELECT state FROM history_holds x WHERE x.history_id = c.id), 0, c.created_at
         FROM city_star_history c
        WHERE c.unit_id = @unit AND NOT EXISTS (SELECT 1 FROM unit_star_history h WHERE h.id = c.id)
        ORDER BY assessed_on DESC, created_at DESC`,
    )
    .all({ unit: unitId, own: ownWorkstationId }) as HistoryRow[];
  return rows.map((row) => ({
    id: row.id,
    cycle: row.cycle,
    stars: row.stars,
    previousStars: row.previous_stars,
    assessedOn: row.assessed_on,
    assessmentId: row.assessment_id,
    vetoed: row.vetoed === 1,
    decidedBy: row.decided_by,
    source: row.source,
    origin: row.origin,
    workstationName: row.workstation_id === null ? null : workstationName(db, row.workstation_id),
    enteredBy: row.entered_by,
    hold: row.hold,
    superseded: row.superseded === 1,
  }));
}

export function unitRecord(db: Database, unitId: string, ownWorkstationId: string): UnitRecord {
  const signedHere = db.prepare('SELECT workstation_id FROM assessments WHERE id = ?').pluck();
  const staleBases = staleBasesOfUnit(db, unitId).map(({ unitId: _unit, ...mark }) => ({ ...mark, signedHere: signedHere.get(mark.assessmentId) === ownWorkstationId }));
  const openConflicts = db
    .prepare(
      `SELECT c.id, c.table_name AS "table", x.cycle, c.reason FROM bundle_conflicts c JOIN history_holds x ON x.conflict_id = c.id AND x.history_id = c.record_id
        WHERE c.status = 'open' AND x.unit_id = ? ORDER BY c.created_at`,
    )
    .all(unitId) as UnitRecord['openConflicts'];
  const certificate = db
    .prepare(
      `SELECT number, stars, cycle, valid_until AS validUntil, workstation_id AS workstationId FROM city_certificates
        WHERE unit_id = ? AND NOT EXISTS (SELECT 1 FROM certificates o WHERE o.unit_id = city_certificates.unit_id AND o.cycle >= city_certificates.cycle
                                            AND NOT EXISTS (SELECT 1 FROM certificate_revocations r WHERE r.certificate_id = o.id))
        ORDER BY cycle DESC, issued_on DESC LIMIT 1`,
    )
    .get(unitId) as { number: string; stars: number; cycle: number; validUntil: string; workstationId: string } | undefined;
  return {
    staleBases,
    openConflicts,
    cityCertificate: certificate ? { number: certificate.number, stars: certificate.stars, cycle: certificate.cycle, validUntil: certificate.validUntil, workstationName: workstationName(db, certificate.workstationId) } : null,
  };
}
