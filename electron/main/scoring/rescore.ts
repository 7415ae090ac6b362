/**
 * Re-scoring: how assessments would score under another pack version, beside what they scored
 * under their own. Reads only; a row that cannot be scored says why instead of stopping the rest.
 */
import type { Database } from 'better-sqlite3';
import type { AssessmentDocument } from '@shared/assessment/document';
import { DxError } from '@shared/api/errors';
import { getRubricPack } from '../rubric/pack-store';
import { scoreAssessment } from './score-assessment';
import type { ScoringInput } from './score-assessment';

export interface RescoreSide {
  rubric: string;
  total: number | null;
  scoreStars: number | null;
  awardedStars: number | null;
  decidedBy: string | null;
  complete: boolean | null;
  /** Why this side could not be scored. */
  error: string | null;
}

export interface RescoreRow {
  source: string;
  unit: string;
  cycle: number;
  old: RescoreSide;
  new: RescoreSide;
}

function side(db: Database, rubric: string, input: ScoringInput): RescoreSide {
  try {
    // Draft: a new pack may have items the old answers never had; show the partial score and say so.
    const result = scoreAssessment(getRubricPack(db, rubric), input, { draft: true });
    return { rubric, total: result.total, scoreStars: result.scoreStars, awardedStars: result.awardedStars, decidedBy: result.decidedBy, complete: result.complete, error: null };
  } catch (error) {
    const message = error instanceof DxError ? error.message : (error as Error).message;
    return { rubric, total: null, scoreStars: null, awardedStars: null, decidedBy: null, complete: null, error: message };
  }
}

export function rescoreDocument(db: Database, document: AssessmentDocument, source: string, newRubric: string): RescoreRow {
  const input: ScoringInput = {
    unit: { kind: document.unit.kind, industry: document.unit.industry, households: document.unit.households },
    answers: document.answers as Record<string, unknown>,
    history: { previousStars: document.previousStars, lastVetoOn: document.lastVetoOn },
    assessedOn: document.assessedOn,
  };
  return { source, unit: document.unit.name, cycle: document.cycle, old: side(db, document.rubric, input), new: side(db, newRubric, input) };
}

function tableHasColumns(db: Database, table: string, columns: string[]): boolean {
  const present = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]));
  return columns.every((column) => present.has(column));
}

interface StoredRow {
  id: string;
  cycle: number;
  assessed_on: string;
  rubric_id: string;
  answers: string;
  details: string | null;
  total: number | null;
  score_stars: number | null;
  awarded_stars: number | null;
  decided_by: string | null;
  unit_name: string;
  kind: ScoringInput['unit']['kind'];
  industry: string | null;
  households: number | null;
}

/** Signed and final assessments of the database (the workflow's table, when this database has it). */
export function rescoreStored(db: Database, newRubric: string, cycle: number | undefined): RescoreRow[] {
  const needed = ['id', 'unit_id', 'cycle', 'assessed_on', 'rubric_id', 'answers', 'details', 'status', 'total', 'score_stars', 'awarded_stars', 'decided_by'];
  if (!tableHasColumns(db, 'assessments', needed) || !tableHasColumns(db, 'units', ['id', 'name', 'kind', 'industry', 'households'])) return [];
  const rows = db
    .prepare(
      `SELECT a.id, a.cycle, a.assessed_on, a.rubric_id, a.answers, a.details, a.total, a.score_stars, a.awarded_stars, a.decided_by,
              u.name AS unit_name, u.kind, u.industry, u.households
         FROM assessments a JOIN units u ON u.id = a.unit_id
        WHERE a.status IN ('signed', 'final') AND (? IS NULL OR a.cycle = ?)
        ORDER BY a.cycle, u.name, a.assessed_on`,
    )
    .all(cycle ?? null, cycle ?? null) as StoredRow[];
  return rows.map((row) => {
    let details: Record<string, unknown> = {};
    try {
      details = row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {};
    } catch {
      details = {};
    }
    const input: ScoringInput = {
      unit: { kind: row.kind, industry: row.industry, households: row.households },
      answers: JSON.parse(row.answers) as Record<string, unknown>,
      history: {
        previousStars: typeof details.previousStars === 'number' ? details.previousStars : 0,
        lastVetoOn: typeof details.lastVetoOn === 'string' ? details.lastVetoOn : null,
      },
      assessedOn: row.assessed_on,
    };
    // "Old" is what was recorded when it was signed, not a re-computation.
    const old: RescoreSide = { rubric: row.rubric_id, total: row.total, scoreStars: row.score_stars, awardedStars: row.awarded_stars, decidedBy: row.decided_by, complete: true, error: null };
    return { source: row.id, unit: row.unit_name, cycle: row.cycle, old, new: side(db, newRubric, input) };
  });
}
