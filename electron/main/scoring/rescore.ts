/**
 * Re-scoring: how assessments would score under another pack version, beside what they scored
 * under their own. Reads only; a row that cannot be scored says why instead of stopping the rest.
 */
import type { Database } from 'better-sqlite3';
import type { AssessmentDocument } from '@shared/assessment/document';
import { DxError } from '@shared/api/errors';
import type { RescoreRow, RescoreSide } from '@shared/api/procedures/scoring';
import { getRubricPack } from '../rubric/pack-store';
import { scoreAssessment } from './score-assessment';
import type { ScoringInput } from './score-assessment';

export function side(db: Database, rubric: string, input: ScoringInput): RescoreSide {
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
