/**
 * Scores an assessment document (`dingxing.assessment/1`) against the packs of a database: the
 * glue `score` and `rescore` share; the document is checked first (shared/assessment/document.ts).
 */
import type { Database } from 'better-sqlite3';
import type { AssessmentDocument } from '@shared/assessment/document';
import type { ScoreResult } from '@shared/scoring/result';
import { getRubricPack } from '../rubric/pack-store';
import { scoreAssessment } from './score-assessment';

/** Scores `document` with the pack `rubricRef` (default: the one the document names). */
export function scoreDocument(db: Database, document: AssessmentDocument, options: { draft: boolean; rubricRef?: string }): ScoreResult {
  const loaded = getRubricPack(db, options.rubricRef ?? document.rubric);
  return scoreAssessment(
    loaded,
    {
      unit: { kind: document.unit.kind, industry: document.unit.industry, households: document.unit.households },
      answers: document.answers as Record<string, unknown>,
      history: { previousStars: document.previousStars, lastVetoOn: document.lastVetoOn },
      assessedOn: document.assessedOn,
    },
    { draft: options.draft },
  );
}
