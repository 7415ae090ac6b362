/**
 * `assessments import`: records `dingxing.assessment/1` documents as final assessments signed by
 * this workstation (docs/assessments.md). Each is scored with the engine against the unit's history in
 * the database; the document's previousStars/lastVetoOn count only for a unit with no history.
 * A unit is matched by id, else USCC, else district and name, and created when none matches.
 *
 * All or nothing: every document is checked first (format and schema), then all are recorded
 * in one transaction in date order (so an earlier one is history for a later one); any refusal
 * rolls everything back and names the file and the item.
 *
 * Idempotent: a document already recorded (the same id, or without an id the same unit, cycle,
 * date, rubric and answers) records nothing again and is reported as already present; the same
 * id with different content is a conflict. The check runs inside the write transaction, so two
 * imports of one file at once record it once.
 */
import { DxError } from '@shared/api/errors';
import type { ErrorIssue } from '@shared/api/errors';
import type { ImportedAssessment } from '@shared/api/procedures/assessments';
import type { AssessmentDocument } from '@shared/assessment/document';
import { createDistrictMatcher } from '@shared/domain/districts';
import { canonicalJson } from '@shared/rubric/canonical';
import { validateUscc } from '@shared/domain/uscc';
import { loadDistrictRefs } from '../units/districts';
import { insertUnit } from '../units/unit-store';
import { newId } from '../platform/ids';
import { parseAssessmentDocument } from '@shared/assessment/document';
import type { DomainContext, ReadContext } from '../context/domain-context';
import { getAssessmentRow } from './repository';
import type { AssessmentRow } from './repository';
import { loadPack, scoreAnswers } from './scoring-port';
import { historyContext } from './star-history';
import { insertAssessmentRow, recordSigned } from './workflow';

interface SourceDocument {
  /** The file name (and index inside an array), for messages. */
  source: string;
  json: unknown;
}

export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function prefixed(source: string, error: unknown): ErrorIssue[] {
  if (error instanceof DxError) {
    const issues = error.details?.issues;
    if (issues && issues.length > 0) return issues.map((issue) => ({ path: [source, ...issue.path], message: issue.message }));
    return [{ path: [source], message: error.message }];
  }
  throw error;
}

interface MatchedUnit {
  id: string;
  name: string;
  created: boolean;
  households: number | null;
}

interface UnitLookup {
  found: MatchedUnit | undefined;
  district: string | undefined;
  uscc: string | null;
}

function findUnit(ctx: ReadContext, document: AssessmentDocument): UnitLookup {
  const db = ctx.db;
  const wanted = document.unit;
  type Row = { id: string; name: string; households: number | null };
  const select = 'SELECT id, name, households FROM units';
  let found: Row | undefined;
  if (wanted.id !== undefined) found = db.prepare(`${select} WHERE id = ?`).get(wanted.id) as Row | undefined;
  let uscc: string | null = null;
  if (wanted.uscc !== undefined) {
    const checked = validateUscc(wanted.uscc);
    if (!checked.ok) throw new DxError('BAD_INPUT', checked.message.en, { issues: [{ path: ['unit', 'uscc'], message: checked.message.en }] });
    uscc = checked.code;
    found ??= db.prepare(`${select} WHERE uscc = ?`).get(uscc) as Row | undefined;
  }
  const district = createDistrictMatcher(loadDistrictRefs(db))(wanted.district)?.code;
  if (!found && district === undefined) {
    throw new DxError('BAD_INPUT', `unknown district ${wanted.district}`, { issues: [{ path: ['unit', 'district'], message: `${wanted.district} is not a district of this database (give its code, e.g. 420105, or its name)` }] });
  }
  if (district !== undefined) found ??= db.prepare(`${select} WHERE district_code = ? AND name = ?`).get(district, wanted.name) as Row | undefined;
  return { found: found ? { ...found, created: false } : undefined, district, uscc };
}

function matchOrCreateUnit(ctx: DomainContext, document: AssessmentDocument, lookup: UnitLookup, stamp: string): MatchedUnit {
  const db = ctx.db;
  const wanted = document.unit;
  const { district, uscc } = lookup;
  if (lookup.found) return lookup.found;
  if (uscc !== null && db.prepare('SELECT 1 FROM units WHERE uscc = ?').get(uscc)) {
    throw new DxError('CONFLICT', `USCC ${uscc} belongs to another unit`, { issues: [{ path: ['unit', 'uscc'], message: 'used by another unit' }] });
  }
  const id = wanted.id ?? newId();
  insertUnit(db, {
    id,
    workstationId: ctx.workstation.id,
    name: wanted.name,
    kind: wanted.kind,
    industry: wanted.industry,
    districtCode: district as string,
    streetId: null,
    address: null,
    uscc,
    households: wanted.households,
    contact: null,
    phone: null,
    inScope: true,
    createdAt: stamp,
  });
  ctx.audit({ action: 'units.create', subject: id, data: { name: wanted.name, from: 'assessments import' } });
  return { id, name: wanted.name, created: true, households: wanted.households };
}

/** Whether a stored assessment records exactly this document (unit, cycle, date, rubric, answers). */
function sameContent(row: AssessmentRow, unitId: string | undefined, document: AssessmentDocument, rubricRef: string): boolean {
  return (
    row.unit_id === unitId &&
    row.cycle === document.cycle &&
    row.assessed_on === document.assessedOn &&
    row.rubric_id === rubricRef &&
    canonicalJson(JSON.parse(row.answers)) === canonicalJson(document.answers)
  );
}

function alreadyRecorded(row: AssessmentRow, source: string, unit: MatchedUnit): ImportedAssessment {
  const result = JSON.parse(row.result ?? '{}') as { previousStars?: number };
  return {
    source,
    id: row.id,
    unitId: unit.id,
    unitCreated: false,
    unitName: unit.name,
    cycle: row.cycle,
    total: row.total ?? 0,
    scoreStars: row.score_stars ?? 0,
    awardedStars: row.awarded_stars ?? 0,
    decidedBy: row.decided_by ?? '',
    previousStars: result.previousStars ?? 0,
    historyUsed: false,
    alreadyRecorded: true,
  };
}

/** The stored assessment this document was recorded as, if it was; a different one under its id is a conflict. */
function findRecorded(ctx: ReadContext, document: AssessmentDocument, unit: MatchedUnit | undefined, rubricRef: string): AssessmentRow | undefined {
  const db = ctx.db;
  if (document.id !== undefined) {
    const row = db.prepare('SELECT * FROM assessments WHERE id = ?').get(document.id) as AssessmentRow | undefined;
    if (row && !sameContent(row, unit?.id, document, rubricRef)) {
      const message = `评估 ${document.id} 已存在且内容不同 / assessment ${document.id} is already recorded with different content`;
      throw new DxError('CONFLICT', message, { issues: [{ path: ['id'], message }] });
    }
    return row;
  }
  if (!unit) return undefined;
  const candidates = db
    .prepare("SELECT * FROM assessments WHERE unit_id = ? AND cycle = ? AND assessed_on = ? AND status IN ('final', 'signed')")
    .all(unit.id, document.cycle, document.assessedOn) as AssessmentRow[];
  return candidates.find((row) => sameContent(row, unit.id, document, rubricRef));
}

function recordOne(ctx: DomainContext, document: AssessmentDocument, source: string, stamp: string): ImportedAssessment {
  const db = ctx.db;
  const loaded = loadPack(db, document.rubric);
  const lookup = findUnit(ctx, document);
  const recorded = findRecorded(ctx, document, lookup.found, loaded.ref);
  if (recorded && lookup.found) return alreadyRecorded(recorded, source, lookup.found);
  const unit = matchOrCreateUnit(ctx, document, lookup, stamp);
  const history = historyContext(db, unit.id, document.cycle, document.assessedOn);
  const previousStars = history.hasHistory ? history.previousStars : document.previousStars;
  const lastVetoOn = history.hasHistory ? history.lastVetoOn : document.lastVetoOn;
  // The answers were given for the unit as the document describes it.
  const context = { kind: document.unit.kind, industry: document.unit.industry, households: document.unit.households ?? unit.households };
  const result = scoreAnswers(loaded, context, document.answers as never, { assessedOn: document.assessedOn, previousStars, lastVetoOn, draft: false });
  const id = document.id ?? newId();
  insertAssessmentRow(db, {
    id,
    workstationId: ctx.workstation.id,
    unitId: unit.id,
    cycle: document.cycle,
    assessedOn: document.assessedOn,
    rubricId: loaded.ref,
    rubricSha256: loaded.sha256,
    answers: JSON.stringify(document.answers),
    details: '{}',
    status: 'draft',
    inspector: null,
    createdAt: stamp,
  });
  recordSigned(ctx, getAssessmentRow(db, id), { loaded, result, previousStars }, { status: 'final', stamp });
  ctx.audit({ action: 'assessment.import', subject: id, data: { source, unitId: unit.id, awardedStars: result.awardedStars, decidedBy: result.decidedBy } });
  return {
    source,
    id,
    unitId: unit.id,
    unitCreated: unit.created,
    unitName: unit.name,
    cycle: document.cycle,
    total: result.total,
    scoreStars: result.scoreStars,
    awardedStars: result.awardedStars,
    decidedBy: result.decidedBy,
    previousStars,
    historyUsed: history.hasHistory,
    alreadyRecorded: false,
  };
}

export function importAssessmentDocuments(ctx: DomainContext, sources: SourceDocument[]): ImportedAssessment[] {
  const issues: ErrorIssue[] = [];
  const documents: { source: string; document: AssessmentDocument; index: number }[] = [];
  sources.forEach(({ source, json }, index) => {
    try {
      documents.push({ source, document: parseAssessmentDocument(json, source), index });
    } catch (error) {
      appendAll(issues, prefixed(source, error));
    }
  });
  const refuse = () => {
    const files = [...new Set(issues.map((issue) => String(issue.path[0])))];
    throw new DxError('BAD_INPUT', `Refused: ${files.join(', ')} (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was recorded`, { issues });
  };
  if (issues.length > 0) refuse();
  const stamp = ctx.now().toISOString();
  const ordered = [...documents].sort(
    (a, b) => a.document.cycle - b.document.cycle || a.document.assessedOn.localeCompare(b.document.assessedOn) || a.index - b.index,
  );
  const recorded = new Map<number, ImportedAssessment>();
  const run = ctx.db.transaction(() => {
    for (const { source, document, index } of ordered) {
      try {
        recorded.set(index, recordOne(ctx, document, source, stamp));
      } catch (error) {
        appendAll(issues, prefixed(source, error));
      }
    }
    if (issues.length > 0) refuse();
  });
  run.immediate();
  return documents.map(({ index }) => recorded.get(index) as ImportedAssessment);
}
