/**
 * Assessments signed on a basis the history in force no longer agrees with (docs/registry.md):
 * the stars the unit held before the cycle (逐级 counted from them) or a veto lockout, as the
 * signing workstation knew them, against what the history says now that other workstations'
 * rows (or paper-era rows) have arrived. Such an assessment is marked, with the stars it would get
 * on the current basis, until a person decides: it stands, or it is corrected and its plaque
 * re-issued. The one writer of stale_bases; the marks follow the history, so an undecided mark
 * that no longer holds (a correction replaced the assessment) goes away.
 */
import type { Database } from 'better-sqlite3';
import type { Answers } from '@shared/api/procedures/assessments';
import type { UnitContext } from '@shared/rubric/unit-kind';
import { isLockedOut } from '../scoring/index';
import { lastVetoOnOrBefore, starsBeforeCycle } from './history-rules';
import type { HistoryEntry } from './history-rules';
import { loadPack, scoreAnswers } from './scoring-port';
import { prepared } from '../db/statements';

export interface DetectedStaleBasis {
  assessmentId: string;
  unitId: string;
  cycle: number;
  signedPreviousStars: number;
  previousStars: number;
  signedLockedOut: boolean;
  lockedOut: boolean;
  lastVetoOn: string | null;
  signedStars: number;
  /** What the engine awards the same answers on the current basis (null when it cannot score them). */
  starsNow: number | null;
}

/** Pure: how the basis an assessment was signed on differs from the history in force, or null when it does not. */
export function basisChange(entry: HistoryEntry, history: readonly HistoryEntry[], signed: { lockedOut: boolean; vetoed: boolean }, lockoutMonths: number): Pick<DetectedStaleBasis, 'previousStars' | 'lockedOut' | 'lastVetoOn'> | null {
  // A vetoed assessment awards nothing whatever came before it.
  if (signed.vetoed) return null;
  const others = history.filter((other) => other.id !== entry.id);
  // Nothing in force speaks of the time before it: the unit had no history when it was signed, so
  // it counted from the stars and veto its document declared (docs/assessments.md), and rows of
  // later cycles leave that basis as it was.
  if (!others.some((other) => other.cycle < entry.cycle || other.assessedOn <= entry.assessedOn)) return null;
  const previousStars = starsBeforeCycle(others, entry.cycle);
  const lastVetoOn = lastVetoOnOrBefore(others, entry.assessedOn);
  const lockedOut = isLockedOut(lastVetoOn, entry.assessedOn, lockoutMonths);
  if (previousStars === entry.previousStars && lockedOut === signed.lockedOut) return null;
  return { previousStars, lockedOut, lastVetoOn };
}

interface SignedRow {
  id: string;
  unit_id: string;
  cycle: number;
  assessed_on: string;
  rubric_id: string;
  awarded_stars: number;
  vetoed: number;
  /** The result's lockedOut, read in SQL: a unit's refresh must not parse every result's trace. */
  locked_out: number;
}

/** What the engine awards the answers on the changed basis, or null when it cannot score them (no unit, no pack, answers it refuses). */
function starsOnBasis(db: Database, unit: UnitContext | undefined, row: SignedRow, answersText: string | undefined, basis: { previousStars: number; lastVetoOn: string | null }): number | null {
  try {
    if (unit === undefined || answersText === undefined) return null;
    const answers = JSON.parse(answersText) as Answers;
    const result = scoreAnswers(loadPack(db, row.rubric_id), unit, answers, {
      assessedOn: row.assessed_on,
      previousStars: basis.previousStars,
      lastVetoOn: basis.lastVetoOn,
      draft: true,
    });
    return result.awardedStars;
  } catch {
    return null;
  }
}

/** The answers of the assessments named, in one statement. */
function answersOf(db: Database, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = prepared(db, 'SELECT a.id, a.answers FROM json_each(?) j CROSS JOIN assessments a ON a.id = j.value').all(JSON.stringify(ids)) as { id: string; answers: string }[];
  return new Map(rows.map((row) => [row.id, row.answers]));
}

/**
 * Re-checks the signed assessments held here of each unit of `histories` against its history in
 * force (just read by the caller), reading the units' signed assessments and open marks with one
 * statement each; `units` gives what scoring a changed basis needs of each unit. Runs inside the
 * caller's transaction.
 */
export function refreshStaleBases(db: Database, histories: ReadonlyMap<string, readonly HistoryEntry[]>, units: ReadonlyMap<string, UnitContext>, now: string): void {
  const unitIds = JSON.stringify([...histories.keys()]);
  const signed = prepared(
    db,
    `SELECT a.id, a.unit_id, a.cycle, a.assessed_on, a.rubric_id, a.awarded_stars, a.vetoed, coalesce(json_extract(a.result, '$.lockedOut'), 0) AS locked_out
       FROM json_each(?) j CROSS JOIN assessments a ON a.unit_id = j.value
      WHERE a.status IN ('signed', 'final') AND a.result IS NOT NULL`,
  ).all(unitIds) as SignedRow[];
  const changed: { row: SignedRow; entry: HistoryEntry; signedLockedOut: boolean; change: NonNullable<ReturnType<typeof basisChange>> }[] = [];
  for (const row of signed) {
    const history = histories.get(row.unit_id) ?? [];
    const entry = history.find((candidate) => candidate.assessmentId === row.id);
    if (!entry) continue;
    const signedLockedOut = row.locked_out === 1;
    const months = loadPack(db, row.rubric_id).pack.decision.vetoLockoutMonths;
    const change = basisChange(entry, history, { lockedOut: signedLockedOut, vetoed: row.vetoed === 1 }, months);
    if (change) changed.push({ row, entry, signedLockedOut, change });
  }
  const answers = answersOf(db, changed.map(({ row }) => row.id));
  const marks = changed.map(({ row, entry, signedLockedOut, change }): DetectedStaleBasis => {
    const starsNow = starsOnBasis(db, units.get(row.unit_id), row, answers.get(row.id), change);
    return { assessmentId: row.id, unitId: row.unit_id, cycle: row.cycle, signedPreviousStars: entry.previousStars, signedLockedOut, signedStars: row.awarded_stars, ...change, starsNow };
  });
  keepMarks(db, marks, now);
  const stale = new Set(marks.map((mark) => mark.assessmentId));
  // Undecided marks that no longer hold (the basis came back, or a correction replaced the assessment).
  const open = prepared(db, 'SELECT s.assessment_id FROM json_each(?) j CROSS JOIN stale_bases s ON s.unit_id = j.value WHERE s.decision IS NULL').all(unitIds) as { assessment_id: string }[];
  for (const { assessment_id: id } of open) if (!stale.has(id)) prepared(db, 'DELETE FROM stale_bases WHERE assessment_id = ? AND decision IS NULL').run(id);
}

/** Keeps the marks (a mark a person decided stays as decided), in one statement for all of them. */
function keepMarks(db: Database, marks: readonly DetectedStaleBasis[], now: string): void {
  if (marks.length === 0) return;
  const rows = marks.map((mark) => [mark.assessmentId, mark.unitId, mark.cycle, mark.signedPreviousStars, mark.previousStars, mark.signedLockedOut ? 1 : 0, mark.lockedOut ? 1 : 0, mark.lastVetoOn, mark.signedStars, mark.starsNow]);
  prepared(
    db,
    `INSERT INTO stale_bases (assessment_id, unit_id, cycle, signed_previous_stars, previous_stars, signed_locked_out, locked_out, last_veto_on, signed_stars, stars_now, detected_at)
     SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8, j.value ->> 9, @now
       FROM json_each(@marks) j WHERE true
     ON CONFLICT (assessment_id) DO UPDATE SET previous_stars = excluded.previous_stars, locked_out = excluded.locked_out, last_veto_on = excluded.last_veto_on,
       stars_now = excluded.stars_now
     WHERE stale_bases.decision IS NULL`,
  ).run({ marks: JSON.stringify(rows), now });
}

export interface StoredStaleBasis extends DetectedStaleBasis {
  detectedAt: string;
  decision: 'reissue' | 'stands' | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

const selectMarks = `SELECT assessment_id AS assessmentId, unit_id AS unitId, cycle, signed_previous_stars AS signedPreviousStars, previous_stars AS previousStars,
  signed_locked_out AS signedLockedOut, locked_out AS lockedOut, last_veto_on AS lastVetoOn, signed_stars AS signedStars, stars_now AS starsNow,
  detected_at AS detectedAt, decision, note, decided_by AS decidedBy, decided_at AS decidedAt FROM stale_bases`;

function toMark(row: Omit<StoredStaleBasis, 'signedLockedOut' | 'lockedOut'> & { signedLockedOut: number; lockedOut: number }): StoredStaleBasis {
  return { ...row, signedLockedOut: row.signedLockedOut === 1, lockedOut: row.lockedOut === 1 };
}

export function staleBasesOfUnit(db: Database, unitId: string): StoredStaleBasis[] {
  return (db.prepare(`${selectMarks} WHERE unit_id = ? ORDER BY cycle DESC, detected_at DESC`).all(unitId) as Parameters<typeof toMark>[0][]).map(toMark);
}

export function findStaleBasis(db: Database, assessmentId: string): StoredStaleBasis | undefined {
  const row = db.prepare(`${selectMarks} WHERE assessment_id = ?`).get(assessmentId) as Parameters<typeof toMark>[0] | undefined;
  return row ? toMark(row) : undefined;
}

/** Undecided marks first (newest first), then the decided ones; `limit` rows at most. */
export function listStaleBases(db: Database, options: { open?: boolean; limit?: number } = {}): StoredStaleBasis[] {
  const where = options.open ? 'WHERE decision IS NULL' : '';
  return (db.prepare(`${selectMarks} ${where} ORDER BY decision IS NOT NULL, detected_at DESC LIMIT ?`).all(options.limit ?? 500) as Parameters<typeof toMark>[0][]).map(toMark);
}

/** Records a person's decision on an open mark (the caller holds the transaction and audits it). */
export function decideStaleBasis(db: Database, assessmentId: string, decision: 'reissue' | 'stands', note: string | null, by: string, at: string): void {
  db.prepare('UPDATE stale_bases SET decision = ?, note = ?, decided_by = ?, decided_at = ? WHERE assessment_id = ? AND decision IS NULL').run(decision, note, by, at, assessmentId);
}
