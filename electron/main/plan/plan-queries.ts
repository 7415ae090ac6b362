/**
 * Reading the inspection plan: entries with their state (done when the unit has a rating of the
 * cycle in force, here or in the city's picture; overdue when not done by the due date), the
 * progress of a cycle by district and workstation, and the workstations a unit may be planned for.
 */
import type { Database } from 'better-sqlite3';
import type { PlanEntry, PlanProgress, PlanStatus, PlanWorkstation } from '@shared/api/procedures/plan';
import type { UnitKind } from '@shared/domain/unit-kinds';
import { workstationName } from '../trust/trust-store';
import { districtsServedBy, listTrusted } from '../trust/trust-store';

/** The day a unit was rated in a cycle (an assessment's row in force, this workstation's or the city's), or null. */
const doneOnSql = `(SELECT max(d) FROM (
    SELECT h.assessed_on AS d FROM unit_star_history h
     WHERE h.unit_id = p.unit_id AND h.cycle = p.cycle AND h.source = 'assessment'
       AND NOT EXISTS (SELECT 1 FROM history_holds x WHERE x.history_id = h.id)
       AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))
    UNION ALL
    SELECT c.assessed_on FROM city_star_history c
     WHERE c.unit_id = p.unit_id AND c.cycle = p.cycle AND c.source = 'assessment'
       AND NOT EXISTS (SELECT 1 FROM history_holds x WHERE x.history_id = c.id)))`;

interface EntryRow {
  id: string;
  cycle: number;
  unit_id: string;
  unit_name: string;
  uscc: string | null;
  district_code: string;
  district_name: string;
  kind: UnitKind;
  current_stars: number;
  assignee_id: string;
  due_on: string;
  done_on: string | null;
  workstation_id: string;
  planned_by: string;
}

export function statusOf(doneOn: string | null, dueOn: string, today: string): PlanStatus {
  if (doneOn !== null) return 'done';
  return dueOn < today ? 'overdue' : 'todo';
}

export interface PlanFilter {
  cycle?: number | undefined;
  /** A workstation id. */
  assigneeId?: string | undefined;
  district?: string | undefined;
  status?: PlanStatus | undefined;
  limit?: number | undefined;
}

function entryRows(db: Database, filter: PlanFilter): EntryRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.cycle !== undefined) {
    where.push('p.cycle = @cycle');
    params.cycle = filter.cycle;
  }
  if (filter.assigneeId !== undefined) {
    where.push('p.assignee_id = @assignee');
    params.assignee = filter.assigneeId;
  }
  if (filter.district !== undefined) {
    where.push('u.district_code = @district');
    params.district = filter.district.toUpperCase();
  }
  return db
    .prepare(
      `SELECT p.id, p.cycle, p.unit_id, u.name AS unit_name, u.uscc, u.district_code, d.name AS district_name, u.kind, u.current_stars, p.assignee_id, p.due_on,
              ${doneOnSql} AS done_on, p.workstation_id, p.planned_by
         FROM inspection_plan p JOIN units u ON u.id = p.unit_id JOIN districts d ON d.code = u.district_code
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.due_on, d.sort, u.name_sort, p.id`,
    )
    .all(params) as EntryRow[];
}

export function listPlan(db: Database, filter: PlanFilter, today: string): { entries: PlanEntry[]; total: number } {
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    let name = names.get(id);
    if (name === undefined) {
      name = workstationName(db, id);
      names.set(id, name);
    }
    return name;
  };
  const all = entryRows(db, filter)
    .map((row): PlanEntry => ({
      id: row.id,
      cycle: row.cycle,
      unitId: row.unit_id,
      unitName: row.unit_name,
      uscc: row.uscc,
      districtCode: row.district_code,
      districtName: row.district_name,
      kind: row.kind,
      currentStars: row.current_stars,
      assigneeId: row.assignee_id,
      assigneeName: nameOf(row.assignee_id),
      dueOn: row.due_on,
      status: statusOf(row.done_on, row.due_on, today),
      doneOn: row.done_on,
      plannedAt: nameOf(row.workstation_id),
      plannedBy: row.planned_by,
    }))
    .filter((entry) => filter.status === undefined || entry.status === filter.status);
  return { entries: all.slice(0, filter.limit ?? all.length), total: all.length };
}

/** Whether any entry is assigned to this workstation id (one no longer enrolled keeps its entries). */
export function planNamesAssignee(db: Database, assigneeId: string): boolean {
  return db.prepare('SELECT 1 FROM inspection_plan WHERE assignee_id = ? LIMIT 1').get(assigneeId) !== undefined;
}

/** How far a cycle's plan is, by district (all 15, in order) and by workstation. */
export function planProgress(db: Database, cycle: number, today: string): PlanProgress {
  const { entries } = listPlan(db, { cycle }, today);
  const empty = () => ({ planned: 0, done: 0, overdue: 0 });
  const add = (counts: { planned: number; done: number; overdue: number }, status: PlanStatus) => {
    counts.planned += 1;
    if (status === 'done') counts.done += 1;
    if (status === 'overdue') counts.overdue += 1;
  };
  const districts = db.prepare('SELECT code, name, name_en AS nameEn FROM districts ORDER BY sort').all() as { code: string; name: string; nameEn: string }[];
  const byDistrict = new Map(districts.map((district) => [district.code, { ...district, ...empty() }]));
  const byWorkstation = new Map<string, { id: string; name: string; planned: number; done: number; overdue: number }>();
  const total = empty();
  for (const entry of entries) {
    add(total, entry.status);
    const district = byDistrict.get(entry.districtCode);
    if (district) add(district, entry.status);
    let station = byWorkstation.get(entry.assigneeId);
    if (!station) {
      station = { id: entry.assigneeId, name: entry.assigneeName, ...empty() };
      byWorkstation.set(entry.assigneeId, station);
    }
    add(station, entry.status);
  }
  return { cycle, total, byDistrict: [...byDistrict.values()], byWorkstation: [...byWorkstation.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
}

/** This workstation and every workstation enrolled here (not revoked), with the districts each serves. */
export function planWorkstations(db: Database, own: { id: string; name: string }, ownCode: string | null): PlanWorkstation[] {
  const others = listTrusted(db)
    .filter((entry) => entry.kind === 'workstation' && entry.revokedAt === null && entry.workstationId !== own.id)
    .map((entry) => ({ id: entry.workstationId, name: entry.name, code: entry.code, districts: entry.districts, self: false }));
  return [{ id: own.id, name: own.name, code: ownCode, districts: districtsServedBy(db, own.id), self: true }, ...others];
}
