/**
 * Re-scoring the signed and final assessments of the database (migration 0004) under another
 * pack: each with its stored answers, its unit's kind, industry and households (`units`), and
 * the history it was signed with (`unit_star_history`), beside what it recorded when signed.
 * Reads only. Assessments replaced by a signed correction are left out: the correction counts.
 */
import type { Database } from 'better-sqlite3';
import type { UnitKind } from '@shared/rubric/unit-kind';
import type { RescoreRow, RescoreSide } from '@shared/api/procedures/scoring';
import { side } from './rescore';

interface StoredRow {
  id: string;
  cycle: number;
  assessed_on: string;
  rubric_id: string;
  answers: string;
  total: number;
  score_stars: number;
  awarded_stars: number;
  decided_by: string;
  unit_name: string;
  kind: UnitKind;
  industry: string | null;
  households: number | null;
  previous_stars: number | null;
  last_veto_on: string | null;
}

// previousStars: what the assessment's own history row recorded when it was signed.
// lastVetoOn: the latest veto of the unit on or before its date among the history rows recorded
// before its own (so neither its own veto nor that of the assessment it corrects), as signing saw it.
const storedSql = `
  WITH own AS (
    SELECT h.assessment_id, MIN(h.rowid) AS rowid, h.previous_stars
      FROM unit_star_history h WHERE h.assessment_id IS NOT NULL GROUP BY h.assessment_id
  )
  SELECT a.id, a.cycle, a.assessed_on, a.rubric_id, a.answers, a.total, a.score_stars, a.awarded_stars, a.decided_by,
         u.name AS unit_name, u.kind, u.industry, u.households,
         own.previous_stars,
         (SELECT MAX(v.assessed_on) FROM unit_star_history v
           WHERE v.unit_id = a.unit_id AND v.vetoed = 1 AND v.assessed_on <= a.assessed_on
             AND (own.rowid IS NULL OR v.rowid < own.rowid)
             AND v.assessment_id IS NOT a.id AND v.assessment_id IS NOT a.supersedes_id
             AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = v.assessment_id AND c.status IN ('signed', 'final') AND c.id <> a.id)
         ) AS last_veto_on
    FROM assessments a
    JOIN units u ON u.id = a.unit_id
    LEFT JOIN own ON own.assessment_id = a.id
   WHERE a.status IN ('signed', 'final') AND (? IS NULL OR a.cycle = ?)
     AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = a.id AND c.status IN ('signed', 'final'))
   ORDER BY a.cycle, u.name, a.assessed_on, a.id`;

export function rescoreStored(db: Database, newRubric: string, cycle: number | undefined): RescoreRow[] {
  const rows = db.prepare(storedSql).all(cycle ?? null, cycle ?? null) as StoredRow[];
  return rows.map((row) => {
    // "Old" is what was recorded when it was signed, not a re-computation.
    const old: RescoreSide = { rubric: row.rubric_id, total: row.total, scoreStars: row.score_stars, awardedStars: row.awarded_stars, decidedBy: row.decided_by, complete: true, error: null };
    const input = {
      unit: { kind: row.kind, industry: row.industry, households: row.households },
      answers: JSON.parse(row.answers) as Record<string, unknown>,
      history: { previousStars: row.previous_stars ?? 0, lastVetoOn: row.last_veto_on },
      assessedOn: row.assessed_on,
    };
    return { source: row.id, unit: row.unit_name, cycle: row.cycle, old, new: side(db, newRubric, input) };
  });
}
