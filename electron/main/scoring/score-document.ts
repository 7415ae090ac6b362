/**
 * Scores an assessment document (`dingxing.assessment/1`) against the packs of a database: the
 * glue `score` and `rescore` share. The document is checked before anything else happens.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import { AssessmentDocumentSchema } from '@shared/assessment/document';
import type { AssessmentDocument } from '@shared/assessment/document';
import { toIssues } from '@shared/api/zod-issues';
import type { ScoreResult } from '@shared/scoring/result';
import { getRubricPack } from '../rubric/pack-store';
import { scoreAssessment } from './score-assessment';

export function parseAssessmentDocument(json: unknown, source: string): AssessmentDocument {
  const parsed = AssessmentDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    throw new DxError('BAD_INPUT', `${source} is not a valid dingxing.assessment/1 document (${issues.map((issue) => issue.path.join('.') || 'document').join(', ')})`, { issues });
  }
  return parsed.data;
}

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
