/** Reading assessments and units from the database into the API's shapes. No rules here. */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Answers, AssessmentStatus, AssessmentSummary, DraftDetails, ScoreResult, UnitBrief } from '@shared/api/procedures/assessments';
import type { UnitContext } from '@shared/rubric/unit-kind';
import { prepared } from '../db/statements';
import { distinctValuesSql } from '../db/distinct-values';

export interface AssessmentRow {
  id: string;
  workstation_id: string;
  unit_id: string;
  cycle: number;
  assessed_on: string;
  rubric_id: string;
  rubric_sha256: string | null;
  answers: string;
  details: string;
  status: AssessmentStatus;
  result: string | null;
  total: number | null;
  score_stars: number | null;
  awarded_stars: number | null;
  vetoed: number | null;
  decided_by: string | null;
  inspector: string | null;
  submitted_at: string | null;
  signed_by: string | null;
  signed_at: string | null;
  supersedes_id: string | null;
  supersede_reason: string | null;
  follows_up_id: string | null;
  created_at: string;
  updated_at: string;
  autosaved_at: string | null;
  sent_back_reason: string | null;
  sent_back_by: string | null;
  sent_back_at: string | null;
}

/** The columns a list shows; never the answers, details or result JSON, which lists do not show. */
interface SummaryRow {
  id: string;
  unit_id: string;
  unit_name: string;
  district_name: string;
  cycle: number;
  assessed_on: string;
  status: AssessmentStatus;
  total: number | null;
  awarded_stars: number | null;
  vetoed: number | null;
  inspector: string | null;
  signed_by: string | null;
  supersedes_id: string | null;
  superseded_by: string | null;
  follows_up_id: string | null;
  answered_count: number;
  updated_at: string;
  outside_plan: number;
}

// answered_count counts the answers object's keys in SQL, so a list never parses answers in JS.
const summaryColumns = `
  SELECT a.id, a.unit_id, u.name AS unit_name, d.name AS district_name, a.cycle, a.assessed_on, a.status,
         a.total, a.awarded_stars, a.vetoed, a.inspector, a.signed_by, a.supersedes_id, a.follows_up_id, a.updated_at,
         (SELECT count(*) FROM json_each(a.answers)) AS answered_count,
         (SELECT c.id FROM assessments c WHERE c.supersedes_id = a.id AND c.status IN ('signed', 'final') LIMIT 1) AS superseded_by,
         (EXISTS (SELECT 1 FROM inspection_plan p WHERE p.assignee_id = a.workstation_id AND p.cycle = a.cycle)
          AND NOT EXISTS (SELECT 1 FROM inspection_plan p WHERE p.assignee_id = a.workstation_id AND p.cycle = a.cycle AND p.unit_id = a.unit_id)) AS outside_plan`;
const summaryJoins = `
    JOIN units u ON u.id = a.unit_id
    JOIN districts d ON d.code = u.district_code`;
const summarySelect = `${summaryColumns} FROM assessments a ${summaryJoins}`;
/**
 * Without statistics the planner prefers the status index and sorts every signed or open row;
 * the list-order indexes (migration 0014) read the newest rows first and stop at the limit.
 */
const inOrder = (index: 'assessments_signed_order' | 'assessments_open_order') => `${summaryColumns} FROM assessments a INDEXED BY ${index} ${summaryJoins}`;

export function findAssessmentRow(db: Database, id: string): AssessmentRow | undefined {
  return prepared(db, 'SELECT * FROM assessments WHERE id = ?').get(id) as AssessmentRow | undefined;
}

export function getAssessmentRow(db: Database, id: string): AssessmentRow {
  const row = findAssessmentRow(db, id);
  if (!row) throw new DxError('NOT_FOUND', `No assessment ${id}`);
  return row;
}

export function parseAnswers(row: Pick<AssessmentRow, 'answers'>): Answers {
  return JSON.parse(row.answers) as Answers;
}

export function parseDetails(row: Pick<AssessmentRow, 'details'>): DraftDetails {
  return JSON.parse(row.details) as DraftDetails;
}

export function parseResult(row: Pick<AssessmentRow, 'result'>): ScoreResult | null {
  return row.result === null ? null : (JSON.parse(row.result) as ScoreResult);
}

function toSummary(row: SummaryRow): AssessmentSummary {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    districtName: row.district_name,
    cycle: row.cycle,
    assessedOn: row.assessed_on,
    status: row.status,
    total: row.total,
    awardedStars: row.awarded_stars,
    vetoed: row.vetoed === null ? null : row.vetoed === 1,
    inspector: row.inspector,
    signedBy: row.signed_by,
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by,
    followsUpId: row.follows_up_id,
    answeredCount: row.answered_count,
    updatedAt: row.updated_at,
    outsidePlan: row.outside_plan === 1,
  };
}

export function getSummary(db: Database, id: string): AssessmentSummary {
  const row = prepared(db, `${summarySelect} WHERE a.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new DxError('NOT_FOUND', `No assessment ${id}`);
  return toSummary(row);
}

/** Drafts and submitted assessments, last changed first; `limit` of them when given. */
export function listOpen(db: Database, limit = -1): AssessmentSummary[] {
  const rows = prepared(db, `${inOrder('assessments_open_order')} WHERE a.status IN ('draft', 'submitted') ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`).all(limit) as SummaryRow[];
  return rows.map(toSummary);
}

/** How many assessments are in each open status. */
export function countOpen(db: Database): { draft: number; submitted: number } {
  const count = (status: AssessmentStatus) => prepared(db, 'SELECT count(*) AS n FROM assessments WHERE status = ?').get(status) as { n: number };
  return { draft: count('draft').n, submitted: count('submitted').n };
}

export function listForUnit(db: Database, unitId: string): AssessmentSummary[] {
  const rows = prepared(db, `${summarySelect} WHERE a.unit_id = ? ORDER BY a.cycle DESC, a.assessed_on DESC, a.created_at DESC`).all(unitId) as SummaryRow[];
  return rows.map(toSummary);
}

export function listRecent(db: Database, limit: number, cycle?: number): AssessmentSummary[] {
  const rows = (
    cycle === undefined
      ? prepared(db, `${inOrder('assessments_signed_order')} WHERE a.status IN ('signed', 'final') ORDER BY a.signed_at DESC, a.id DESC LIMIT ?`).all(limit)
      : prepared(db, `${inOrder('assessments_signed_order')} WHERE a.status IN ('signed', 'final') AND a.cycle = ? ORDER BY a.signed_at DESC, a.id DESC LIMIT ?`).all(cycle, limit)
  ) as SummaryRow[];
  return rows.map(toSummary);
}

interface UnitRow {
  id: string;
  name: string;
  kind: UnitContext['kind'];
  industry: string | null;
  district_code: string;
  district_name: string;
  uscc: string | null;
  households: number | null;
  current_stars: number;
}

export function getUnitBrief(db: Database, unitId: string): UnitBrief {
  const row = db
    .prepare(
      `SELECT u.id, u.name, u.kind, u.industry, u.district_code, d.name AS district_name, u.uscc, u.households, u.current_stars
         FROM units u JOIN districts d ON d.code = u.district_code WHERE u.id = ?`,
    )
    .get(unitId) as UnitRow | undefined;
  if (!row) throw new DxError('NOT_FOUND', `No unit ${unitId}`);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    industry: row.industry,
    districtCode: row.district_code,
    districtName: row.district_name,
    uscc: row.uscc,
    households: row.households,
    currentStars: row.current_stars,
  };
}

export function unitContextOf(unit: UnitBrief): UnitContext {
  return { kind: unit.kind as UnitContext['kind'], industry: unit.industry, households: unit.households };
}

export interface AssessmentSearch {
  statuses?: readonly AssessmentSummary['status'][];
  districtCode?: string;
  cycle?: number;
  inspector?: string;
  /** Only assessments this user started (我的草稿). */
  startedById?: string;
  /** Part of the unit's name. */
  text?: string;
  limit: number;
  offset: number;
}

/** The 评定 list: any filter of status, district, cycle, inspector and unit name, newest change first, one page and the count. */
export function searchAssessments(db: Database, search: AssessmentSearch): { rows: AssessmentSummary[]; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (search.statuses && search.statuses.length > 0) {
    where.push(`a.status IN (${search.statuses.map(() => '?').join(', ')})`);
    params.push(...search.statuses);
  }
  if (search.districtCode !== undefined) {
    where.push('u.district_code = ?');
    params.push(search.districtCode);
  }
  if (search.cycle !== undefined) {
    where.push('a.cycle = ?');
    params.push(search.cycle);
  }
  if (search.inspector !== undefined) {
    where.push('a.inspector = ?');
    params.push(search.inspector);
  }
  if (search.startedById !== undefined) {
    where.push('a.started_by_id = ?');
    params.push(search.startedById);
  }
  if (search.text !== undefined && search.text.trim() !== '') {
    where.push("u.name LIKE ? ESCAPE '\\'");
    params.push(`%${search.text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  }
  const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  // Every assessment has its unit (a foreign key), so only a filter on the unit needs the join to count.
  const onUnit = where.some((term) => term.startsWith('u.'));
  const total = (prepared(db, `SELECT count(*) AS n FROM assessments a${onUnit ? ' JOIN units u ON u.id = a.unit_id' : ''}${filter}`).get(...params) as { n: number }).n;
  const rows = prepared(db, `${summarySelect}${filter} ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`).all(...params, search.limit, search.offset) as SummaryRow[];
  return { rows: rows.map(toSummary), total };
}

/** What the 评定 list's filters offer: the cycles and inspectors that occur. */
export function assessmentFacets(db: Database): { cycles: number[]; inspectors: string[] } {
  // Walked through their indexes (assessments_cycle, assessments_inspector), not read from every assessment.
  return {
    cycles: (prepared(db, distinctValuesSql('assessments', 'cycle', 'DESC')).all() as { value: number }[]).map((row) => row.value),
    inspectors: (prepared(db, distinctValuesSql('assessments', 'inspector')).all() as { value: string }[]).map((row) => row.value),
  };
}
