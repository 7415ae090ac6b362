/**
 * The assessment workflow: start, autosave, preview, submit, reopen, sign, finalize, correct,
 * discard. Rules of who may do what live in transitions.ts, the past a decision depends on in
 * star-history.ts, the engine behind scoring-port.ts. Each change is one transaction with its
 * audit entry.
 *
 * Draft policy: one open (draft or submitted) assessment per unit and cycle. Starting again
 * returns the open one, so two inspectors cannot silently fill two different forms for the
 * same unit and year; several drafts of different units can be open at once.
 */
import { DxError } from '@shared/api/errors';
import type { Answer, Answers, Assessment, DraftDetails, Preview, ScoreResult } from '@shared/api/procedures/assessments';
import type { Database } from 'better-sqlite3';
import { newId } from '../platform/ids';
import { revokeCertificatesForDecision } from './certificate-revocation';
import type { DomainContext, ReadContext } from '../context/domain-context';
import type { Actor } from '@shared/domain/roles';
import { localDate } from '../context/local-date';
import { buildForm } from './form';
import { findAssessmentRow, getAssessmentRow, getSummary, getUnitBrief, parseAnswers, parseDetails, parseResult, unitContextOf } from './repository';
import type { AssessmentRow } from './repository';
import { loadPack, packRefForCycle, scoreAnswers, unfinishedItems } from './scoring-port';
import type { LoadedPack } from './scoring-port';
import { historyContext, recordDecision } from './star-history';
import { detachRectificationsFrom } from './rectifications';
import { assertCan } from './transitions';
import { prepared } from '../db/statements';

export interface StartInput {
  unitId: string;
  cycle?: number;
  assessedOn?: string;
  rubricId?: string;
  followsUpId?: string;
}

/** A new assessment row; every INSERT into `assessments` goes through here (this module writes the table). */
export interface NewAssessmentRow {
  id: string;
  workstationId: string;
  unitId: string;
  cycle: number;
  assessedOn: string;
  rubricId: string;
  rubricSha256: string | null;
  /** JSON text. */
  answers: string;
  /** JSON text. */
  details: string;
  status: 'draft' | 'submitted';
  inspector: string | null;
  /** The user id of who started it (我的草稿 lists a user's own drafts). */
  startedById?: string | null;
  submittedAt?: string | null;
  supersedesId?: string | null;
  supersedeReason?: string | null;
  followsUpId?: string | null;
  createdAt: string;
}

export function insertAssessmentRow(db: Database, row: NewAssessmentRow): void {
  prepared(
    db,
    `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, rubric_sha256, answers, details, status, inspector,
       started_by_id, submitted_at, supersedes_id, supersede_reason, follows_up_id, created_at, updated_at)
     VALUES (@id, @workstationId, @unitId, @cycle, @assessedOn, @rubricId, @rubricSha256, @answers, @details, @status, @inspector,
       @startedById, @submittedAt, @supersedesId, @supersedeReason, @followsUpId, @createdAt, @createdAt)`,
  ).run({ startedById: null, submittedAt: null, supersedesId: null, supersedeReason: null, followsUpId: null, ...row });
}

/** The engine's result on a submitted row that waits for a signature (written by the demo). */
export function storeSubmittedResult(db: Database, id: string, result: ScoreResult): void {
  prepared(db, 'UPDATE assessments SET result = ?, total = ?, score_stars = ?, awarded_stars = ?, vetoed = ?, decided_by = ? WHERE id = ?').run(
    JSON.stringify(result), result.total, result.scoreStars, result.awardedStars, result.vetoed ? 1 : 0, result.decidedBy, id,
  );
}

export function getAssessment(ctx: ReadContext, id: string): Assessment {
  const row = getAssessmentRow(ctx.db, id);
  const unit = getUnitBrief(ctx.db, row.unit_id);
  const loaded = loadPack(ctx.db, row.rubric_id);
  return {
    ...getSummary(ctx.db, id),
    unit,
    rubricId: row.rubric_id,
    rubricSha256: row.rubric_sha256,
    answers: parseAnswers(row),
    details: parseDetails(row),
    result: parseResult(row),
    scoreStars: row.score_stars,
    decidedBy: row.decided_by,
    submittedAt: row.submitted_at,
    signedAt: row.signed_at,
    supersedeReason: row.supersede_reason,
    sentBack: row.sent_back_reason === null ? null : { reason: row.sent_back_reason, by: row.sent_back_by ?? '', at: row.sent_back_at ?? '' },
    createdAt: row.created_at,
    autosavedAt: row.autosaved_at,
    form: buildForm(loaded.pack, unitContextOf(unit)),
  };
}

function openFor(ctx: ReadContext, unitId: string, cycle: number): AssessmentRow | undefined {
  return ctx.db
    .prepare("SELECT * FROM assessments WHERE unit_id = ? AND cycle = ? AND status IN ('draft', 'submitted') ORDER BY created_at LIMIT 1")
    .get(unitId, cycle) as AssessmentRow | undefined;
}

export function startAssessment(ctx: DomainContext, input: StartInput): Assessment {
  const actor = ctx.actor;
  const now = ctx.now();
  const assessedOn = input.assessedOn ?? localDate(now);
  const cycle = input.cycle ?? Number(assessedOn.slice(0, 4));
  const id = ctx.db.transaction(() => {
    getUnitBrief(ctx.db, input.unitId);
    const open = openFor(ctx, input.unitId, cycle);
    if (open) return open.id;
    if (input.followsUpId !== undefined) {
      const earlier = getAssessmentRow(ctx.db, input.followsUpId);
      if (earlier.unit_id !== input.unitId) throw new DxError('BAD_INPUT', 'A follow-up must re-check an assessment of the same unit', { issues: [{ path: ['followsUpId'], message: 'another unit' }] });
    }
    const loaded = loadPack(ctx.db, input.rubricId ?? packRefForCycle(ctx.db, cycle));
    const newIdValue = newId();
    const stamp = now.toISOString();
    insertAssessmentRow(ctx.db, {
      id: newIdValue,
      workstationId: ctx.workstation.id,
      unitId: input.unitId,
      cycle,
      assessedOn,
      rubricId: loaded.ref,
      rubricSha256: loaded.sha256,
      answers: '{}',
      details: '{}',
      status: 'draft',
      inspector: actor.displayName,
      startedById: actor.userId,
      followsUpId: input.followsUpId ?? null,
      createdAt: stamp,
    });
    ctx.audit({ action: 'assessment.start', subject: newIdValue, data: { unitId: input.unitId, cycle, rubric: loaded.ref, followsUpId: input.followsUpId ?? null } });
    return newIdValue;
  }).immediate();
  return getAssessment(ctx, id);
}

interface Scored {
  loaded: LoadedPack;
  result: ScoreResult;
  missing: string[];
  previousStars: number;
  lastVetoOn: string | null;
}

/** Scores a row's answers against the unit's history in force. */
function scoreRow(ctx: ReadContext, row: AssessmentRow, answers: Answers, draft: boolean): Scored {
  const unit = getUnitBrief(ctx.db, row.unit_id);
  const context = unitContextOf(unit);
  const loaded = loadPack(ctx.db, row.rubric_id);
  const history = historyContext(ctx.db, row.unit_id, row.cycle, row.assessed_on, row.supersedes_id);
  const result = scoreAnswers(loaded, context, answers, { assessedOn: row.assessed_on, previousStars: history.previousStars, lastVetoOn: history.lastVetoOn, draft });
  const missing = unfinishedItems(result);
  return { loaded, result, missing, previousStars: history.previousStars, lastVetoOn: history.lastVetoOn };
}

/** A draft's answers the engine refuses (out of range, off its step, not an item of this unit), each with the reason. */
export interface FlaggedAnswer {
  item: string;
  message: string;
}

/**
 * Splits a draft's answers into those the engine takes and those it refuses, so one bad value
 * never stops the score or the save of all the others. The engine names every refused answer
 * at once, so a second scoring of what is left always succeeds.
 */
function scoreValid(ctx: ReadContext, row: AssessmentRow, answers: Answers): { scored: Scored; valid: Answers; flagged: FlaggedAnswer[] } {
  try {
    return { scored: scoreRow(ctx, row, answers, true), valid: answers, flagged: [] };
  } catch (error) {
    const issues = error instanceof DxError && error.code === 'BAD_INPUT' ? (error.details?.issues ?? []) : [];
    const flagged = issues.filter((issue) => issue.path[0] === 'answers' && typeof issue.path[1] === 'string').map((issue) => ({ item: String(issue.path[1]), message: issue.message }));
    if (flagged.length === 0) throw error;
    const refused = new Set(flagged.map((entry) => entry.item));
    const valid = Object.fromEntries(Object.entries(answers).filter(([itemId]) => !refused.has(itemId)));
    return { scored: scoreRow(ctx, row, valid, true), valid, flagged };
  }
}

export function previewAssessment(ctx: ReadContext, id: string, answers: Answers): Preview {
  const row = getAssessmentRow(ctx.db, id);
  const { scored, flagged } = scoreValid(ctx, row, answers);
  return { result: scored.result, missing: scored.missing, previousStars: scored.previousStars, lastVetoOn: scored.lastVetoOn, flagged };
}

export interface SaveInput {
  id: string;
  answers: Answers;
  details?: DraftDetails;
  assessedOn?: string;
  autosave?: boolean;
}

/**
 * Writes a draft: the answers the engine takes into `answers`, each refused one into
 * `details.flagged` with its reason (kept, shown beside its item, never scored), so a save
 * never loses what was typed. Incomplete is fine; a draft with flagged answers cannot be submitted.
 */
function writeDraft(ctx: DomainContext, row: AssessmentRow, input: SaveInput, stamp: string): FlaggedAnswer[] {
  const assessedOn = input.assessedOn ?? row.assessed_on;
  const { valid, flagged } = scoreValid(ctx, { ...row, assessed_on: assessedOn }, input.answers);
  const { flagged: _sentFlags, ...details } = input.details ?? parseDetails(row);
  const kept: DraftDetails = flagged.length === 0 ? details : { ...details, flagged: Object.fromEntries(flagged.map((entry) => [entry.item, { value: input.answers[entry.item] as Answer, message: entry.message }])) };
  ctx.db
    .prepare('UPDATE assessments SET answers = ?, details = ?, assessed_on = ?, updated_at = ?, autosaved_at = CASE WHEN ? THEN ? ELSE autosaved_at END WHERE id = ?')
    .run(JSON.stringify(valid), JSON.stringify(kept), assessedOn, stamp, input.autosave ? 1 : 0, stamp, row.id);
  return flagged;
}

export function saveDraft(ctx: DomainContext, input: SaveInput): { id: string; updatedAt: string; autosavedAt: string | null; flagged: FlaggedAnswer[] } {
  const actor = ctx.actor;
  const stamp = ctx.now().toISOString();
  const flagged = ctx.db.transaction(() => {
    const row = getAssessmentRow(ctx.db, input.id);
    assertCan('edit', row.status, actor.roles, row.id);
    const refused = writeDraft(ctx, row, input, stamp);
    // Autosaves happen every few seconds; the audit log records the saves a person asked for.
    if (!input.autosave) ctx.audit({ action: 'assessment.save', subject: row.id, data: { answered: Object.keys(input.answers).length, flagged: refused.map((entry) => entry.item) } });
    return refused;
  }).immediate();
  const saved = getAssessmentRow(ctx.db, input.id);
  return { id: saved.id, updatedAt: saved.updated_at, autosavedAt: saved.autosaved_at, flagged };
}

export function submitAssessment(ctx: DomainContext, input: { id: string; answers?: Answers; details?: DraftDetails }): Assessment {
  const actor = ctx.actor;
  const stamp = ctx.now().toISOString();
  ctx.db.transaction(() => {
    let row = getAssessmentRow(ctx.db, input.id);
    assertCan('submit', row.status, actor.roles, row.id);
    if (input.answers) {
      writeDraft(ctx, row, { id: row.id, answers: input.answers, ...(input.details ? { details: input.details } : {}) }, stamp);
      row = getAssessmentRow(ctx.db, input.id);
    }
    const flagged = Object.entries(parseDetails(row).flagged ?? {});
    if (flagged.length > 0) {
      throw new DxError('BAD_INPUT', `Assessment ${row.id} has answers that are not valid: ${flagged.map(([itemId]) => itemId).join(', ')}`, {
        issues: flagged.map(([itemId, entry]) => ({ path: ['answers', itemId], message: entry.message })),
        reason: 'invalidAnswers',
      });
    }
    const scored = scoreRow(ctx, row, parseAnswers(row), true);
    if (scored.missing.length > 0 || !scored.result.complete) {
      throw new DxError('BAD_INPUT', `Assessment ${row.id} is incomplete: ${scored.missing.join(', ')}`, {
        issues: scored.missing.map((itemId) => ({ path: ['answers', itemId], message: 'missing or sample too small' })),
        reason: 'incomplete',
      });
    }
    ctx.db
      .prepare(
        `UPDATE assessments SET status = 'submitted', submitted_at = ?, updated_at = ?, inspector = ?, submitted_by_id = ?,
                result = ?, total = ?, score_stars = ?, awarded_stars = ?, vetoed = ?, decided_by = ? WHERE id = ?`,
      )
      .run(stamp, stamp, actor.displayName, actor.userId, JSON.stringify(scored.result), scored.result.total, scored.result.scoreStars, scored.result.awardedStars, scored.result.vetoed ? 1 : 0, scored.result.decidedBy, row.id);
    ctx.audit({ action: 'assessment.submit', subject: row.id, data: { total: scored.result.total, awardedStars: scored.result.awardedStars } });
  }).immediate();
  return getAssessment(ctx, input.id);
}

/** 退回修改: back to draft with the reason, kept with the assessment (the inspector reads it) and in the audit log. */
export function reopenAssessment(ctx: DomainContext, id: string, reason: string): Assessment {
  const actor = ctx.actor;
  const stamp = ctx.now().toISOString();
  ctx.db.transaction(() => {
    const row = getAssessmentRow(ctx.db, id);
    assertCan('reopen', row.status, actor.roles, id);
    ctx.db
      .prepare(
        `UPDATE assessments SET status = 'draft', submitted_at = NULL, result = NULL, total = NULL, score_stars = NULL, awarded_stars = NULL, vetoed = NULL, decided_by = NULL,
                sent_back_reason = ?, sent_back_by = ?, sent_back_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(reason, actor.displayName, stamp, stamp, id);
    ctx.audit({ action: 'assessment.reopen', subject: id, data: { reason, unitId: row.unit_id, cycle: row.cycle } });
  }).immediate();
  return getAssessment(ctx, id);
}

/**
 * Signs: scores with the engine against the history in force now, records the result (now
 * immutable), appends the unit's star history and revokes certificates after a veto.
 */
export function signAssessment(ctx: DomainContext, id: string): Assessment {
  const actor = ctx.actor;
  const now = ctx.now();
  const stamp = now.toISOString();
  ctx.db.transaction(() => {
    const row = getAssessmentRow(ctx.db, id);
    assertCan('sign', row.status, actor.roles, id);
    const scored = scoreRow(ctx, row, parseAnswers(row), false);
    recordSigned(ctx, row, scored, { status: 'signed', stamp });
    ctx.audit({
      action: 'assessment.sign',
      subject: id,
      data: { unitId: row.unit_id, cycle: row.cycle, total: scored.result.total, awardedStars: scored.result.awardedStars, decidedBy: scored.result.decidedBy, vetoed: scored.result.vetoed },
    });
  }).immediate();
  return getAssessment(ctx, id);
}

/** Shared by signing and `assessments import`: the row becomes signed/final and the unit's stars follow. */
export function recordSigned(ctx: DomainContext, row: AssessmentRow, scored: Pick<Scored, 'loaded' | 'result' | 'previousStars'>, options: { status: 'signed' | 'final'; stamp: string; signedBy?: Actor }): void {
  const signedBy = options.signedBy ?? ctx.actor;
  const result = scored.result;
  prepared(
    ctx.db,
    `UPDATE assessments SET status = ?, result = ?, total = ?, score_stars = ?, awarded_stars = ?, vetoed = ?, decided_by = ?,
            rubric_sha256 = ?, signed_by = ?, signed_by_id = ?, signed_at = ?, updated_at = ? WHERE id = ?`,
  ).run(options.status, JSON.stringify(result), result.total, result.scoreStars, result.awardedStars, result.vetoed ? 1 : 0, result.decidedBy, scored.loaded.sha256, signedBy.displayName, signedBy.userId, options.stamp, options.stamp, row.id);
  recordDecision(
    ctx.db,
    { unitId: row.unit_id, assessmentId: row.id, cycle: row.cycle, assessedOn: row.assessed_on, stars: result.awardedStars, previousStars: scored.previousStars, vetoed: result.vetoed, decidedBy: result.decidedBy },
    options.stamp,
  );
  const revoked = revokeCertificatesForDecision(ctx.db, { workstationId: ctx.workstation.id, unitId: row.unit_id, assessmentId: row.id, vetoed: result.vetoed, on: localDate(ctx.now()), by: signedBy.userId, at: new Date(options.stamp) });
  if (revoked > 0) ctx.audit({ action: result.vetoed ? 'certificates.revokeForVeto' : 'certificates.revokeSuperseded', subject: row.unit_id, data: { assessmentId: row.id, revoked } });
}

export function finalizeAssessment(ctx: DomainContext, id: string): Assessment {
  const actor = ctx.actor;
  const stamp = ctx.now().toISOString();
  ctx.db.transaction(() => {
    const row = getAssessmentRow(ctx.db, id);
    assertCan('finalize', row.status, actor.roles, id);
    prepared(ctx.db, "UPDATE assessments SET status = 'final', updated_at = ? WHERE id = ?").run(stamp, id);
    ctx.audit({ action: 'assessment.finalize', subject: id });
  }).immediate();
  return getAssessment(ctx, id);
}

/** A correction: a new draft with the signed one's answers, which replaces it once signed. */
export function supersedeAssessment(ctx: DomainContext, id: string, reason: string): Assessment {
  const actor = ctx.actor;
  const stamp = ctx.now().toISOString();
  const correctionId = ctx.db.transaction(() => {
    const row = getAssessmentRow(ctx.db, id);
    assertCan('supersede', row.status, actor.roles, id);
    const later = prepared(ctx.db, 'SELECT id, status FROM assessments WHERE supersedes_id = ?').all(id) as { id: string; status: string }[];
    const signedLater = later.find((other) => other.status === 'signed' || other.status === 'final');
    if (signedLater) throw new DxError('CONFLICT', `Assessment ${id} was already corrected by ${signedLater.id}; correct that one instead`, { supersededBy: signedLater.id });
    const open = openFor(ctx, row.unit_id, row.cycle);
    if (open) {
      if (open.supersedes_id === id) return open.id;
      throw new DxError('CONFLICT', `Unit already has an open assessment ${open.id} for ${row.cycle}; finish or discard it first`, { openId: open.id });
    }
    const newIdValue = newId();
    insertAssessmentRow(ctx.db, {
      id: newIdValue,
      workstationId: ctx.workstation.id,
      unitId: row.unit_id,
      cycle: row.cycle,
      assessedOn: row.assessed_on,
      rubricId: row.rubric_id,
      rubricSha256: row.rubric_sha256,
      answers: row.answers,
      details: row.details,
      status: 'draft',
      inspector: actor.displayName,
      startedById: actor.userId,
      supersedesId: id,
      supersedeReason: reason,
      followsUpId: row.follows_up_id,
      createdAt: stamp,
    });
    ctx.audit({ action: 'assessment.supersede', subject: newIdValue, data: { supersedes: id, reason } });
    return newIdValue;
  }).immediate();
  return getAssessment(ctx, correctionId);
}

export function discardDraft(ctx: DomainContext, id: string): boolean {
  const actor = ctx.actor;
  return ctx.db.transaction(() => {
    const row = findAssessmentRow(ctx.db, id);
    if (!row) return false;
    assertCan('discard', row.status, actor.roles, id);
    detachRectificationsFrom(ctx.db, id);
    prepared(ctx.db, 'DELETE FROM assessments WHERE id = ?').run(id);
    ctx.audit({ action: 'assessment.discard', subject: id, data: { unitId: row.unit_id, cycle: row.cycle } });
    return true;
  }).immediate();
}
