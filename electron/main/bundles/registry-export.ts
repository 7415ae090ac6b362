/**
 * The registry of record in the city office's bundle (docs/registry.md): for the districts the
 * enrolled workstations serve, every unit with its official stars, the official history (rows in
 * force only: no superseded assessment, no rating held or set aside), the 整改 items, each unit's
 * current certificate and the inspection plan. Every row keeps its origin: the workstation that
 * registered the unit, recorded the history row, opened the item, issued the plaque, made the plan.
 */
import type { Database } from 'better-sqlite3';
import type { RegistryTable } from '@shared/bundle/records';
import { districtsOfEnrolled } from '../trust/trust-store';

type Line = Record<string, unknown>;

/** The districts as a JSON array parameter: `IN (SELECT value FROM json_each(?))`. */
const inDistricts = 'u.district_code IN (SELECT value FROM json_each(@districts))';

function unitLines(db: Database, params: Params): Line[] {
  return db
    .prepare(
      `SELECT u.workstation_id AS _origin, 0 AS _version, u.id, u.workstation_id, u.name, u.kind, u.industry, u.district_code, s.name AS street, u.address, u.uscc,
              u.households, u.contact, u.phone, u.in_scope, u.current_stars AS official_stars, u.last_assessed_on, u.last_veto_on,
              (SELECT count(*) FROM history_holds x WHERE x.unit_id = u.id AND x.state = 'held') AS open_conflicts, u.created_at, u.updated_at
         FROM units u LEFT JOIN streets s ON s.id = u.street_id
        WHERE ${inDistricts} ORDER BY u.district_code, u.rowid`,
    )
    .all(params) as Line[];
}

/** Rows in force: what the official stars are read from (assessments/star-history.ts says the same for one unit). */
function historyLines(db: Database, params: Params): Line[] {
  return db
    .prepare(
      `SELECT coalesce(a.workstation_id, v.source_workstation_id, @city) AS _origin, 0 AS _version, h.id, h.unit_id, h.cycle, h.stars, h.previous_stars, h.assessed_on,
              h.vetoed, h.decided_by, h.source, coalesce(a.workstation_id, v.source_workstation_id, @city) AS workstation_id, h.assessment_id, h.entered_by, h.created_at
         FROM unit_star_history h
         JOIN units u ON u.id = h.unit_id
         LEFT JOIN assessments a ON a.id = h.assessment_id
         LEFT JOIN record_versions v ON v.table_name = 'unit_star_history' AND v.record_id = h.id
        WHERE ${inDistricts}
          AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))
          AND NOT EXISTS (SELECT 1 FROM history_holds x WHERE x.history_id = h.id)
        ORDER BY h.unit_id, h.cycle, h.assessed_on, h.created_at`,
    )
    .all(params) as Line[];
}

function rectificationLines(db: Database, params: Params): Line[] {
  return db
    .prepare(
      `SELECT r.workstation_id AS _origin, 0 AS _version, r.id, r.workstation_id, r.unit_id, r.assessment_id, r.item_id, r.description, r.owner, r.due_on, r.status,
              r.closed_on, r.follow_up_assessment_id, r.created_at, r.updated_at
         FROM rectifications r JOIN units u ON u.id = r.unit_id
        WHERE ${inDistricts} ORDER BY r.unit_id, r.due_on, r.id`,
    )
    .all(params) as Line[];
}

/** Each unit's newest certificate that is neither revoked nor expired. */
function certificateLines(db: Database, params: Params): Line[] {
  return db
    .prepare(
      `SELECT c.workstation_id AS _origin, 0 AS _version, c.id, c.number, c.workstation_id, c.unit_id, c.assessment_id, c.cycle, c.stars, c.issued_on, c.valid_until
         FROM certificates c JOIN units u ON u.id = c.unit_id
        WHERE ${inDistricts} AND c.valid_until >= @today
          AND NOT EXISTS (SELECT 1 FROM certificate_revocations r WHERE r.certificate_id = c.id)
          AND c.id = (SELECT n.id FROM certificates n WHERE n.unit_id = c.unit_id AND n.valid_until >= @today
                        AND NOT EXISTS (SELECT 1 FROM certificate_revocations r2 WHERE r2.certificate_id = n.id)
                      ORDER BY n.cycle DESC, n.issued_at DESC LIMIT 1)
        ORDER BY c.unit_id`,
    )
    .all(params) as Line[];
}

function planLines(db: Database, params: Params): Line[] {
  return db
    .prepare(
      `SELECT p.workstation_id AS _origin, 0 AS _version, p.id, p.workstation_id, p.cycle, p.unit_id, p.assignee_id, p.due_on, p.planned_by, p.created_at, p.updated_at
         FROM inspection_plan p JOIN units u ON u.id = p.unit_id
        WHERE ${inDistricts} ORDER BY p.cycle, p.due_on, p.id`,
    )
    .all(params) as Line[];
}

interface Params {
  districts: string;
  city: string;
  today: string;
}

/** The registry files of a city bundle, for the districts the enrolled workstations serve. */
export function registryLines(db: Database, cityWorkstationId: string, today: string): [RegistryTable, Line[]][] {
  const params: Params = { districts: JSON.stringify(districtsOfEnrolled(db)), city: cityWorkstationId, today };
  return [
    ['registry_units', unitLines(db, params)],
    ['registry_history', historyLines(db, params)],
    ['registry_rectifications', rectificationLines(db, params)],
    ['registry_certificates', certificateLines(db, params)],
    ['plan', planLines(db, params)],
  ];
}
