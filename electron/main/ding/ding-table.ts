/**
 * The district evaluation table of a cycle: every district in the database, evaluated by the
 * Ding engine against its inputs in force and its coverage, ranked by composite. I/O here, rules
 * in evaluate-district.ts.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { DingRow } from '@shared/domain/ding-evaluation';
import { findPack } from '../rubric/pack-store';
import { defaultDingRubricRef } from '../rubric/default-packs';
import type { LoadedDingPack } from '../rubric/loaded-pack';
import { coverageByDistrict, coverageOf } from './coverage';
import { evaluateDistrict, rankRows } from './evaluate-district';
import type { DistrictRefWithEn } from './evaluate-district';
import { currentInputs, knownCycles } from './inputs-store';
import type { StoredDistrictInputs } from '@shared/domain/district-inputs';

export interface DingTable {
  cycle: number;
  rubric: string;
  rubricSha256: string;
  rows: DingRow[];
}

export function loadDingPack(db: Database, ref = defaultDingRubricRef): LoadedDingPack {
  const found = findPack(db, ref);
  if (found === undefined || found.pack.type !== 'ding') {
    throw new DxError('NOT_FOUND', `平安鼎评定标准 ${ref} 不在数据库中，请先运行 dingxing init (Ding rubric pack ${ref} is not in this database; run "dingxing init")`, { ref });
  }
  return { ref: found.ref, sha256: found.sha256, pack: found.pack };
}

function districtRefs(db: Database, only: string | null): DistrictRefWithEn[] {
  return db.prepare('SELECT code, name, name_en AS nameEn FROM districts WHERE (? IS NULL OR code = ?) ORDER BY sort').all(only, only) as DistrictRefWithEn[];
}

/** The cycle to show when none is asked for: the newest with assessments or inputs, else this year. */
export function defaultCycle(db: Database, now: Date): number {
  return knownCycles(db)[0] ?? now.getFullYear();
}

/** Cycles with district inputs, as a set (which earlier cycles a grade depends on). */
function cyclesWithInputs(db: Database): Set<number> {
  return new Set(db.prepare('SELECT DISTINCT cycle FROM district_inputs').pluck().all() as number[]);
}

/**
 * Each district's rows of one cycle, evaluated by the engine. Last cycle's grade, used by the
 * one-grade rule and shown by every view (docs/ding.md), is the engine's grade for the previous
 * cycle run on that cycle's inputs, where the database has them; else the `previousGrade`
 * recorded with this cycle's inputs (a district's first cycle in the app). `memo` keeps each
 * cycle evaluated once per call: the previous cycle's grade depends on the one before it.
 */
function evaluateCycle(db: Database, loaded: LoadedDingPack, cycle: number, only: string | null, withInputs: Set<number>, memo: Map<number, DingRow[]>): DingRow[] {
  const known = memo.get(cycle);
  if (known) return known;
  const previousRows = withInputs.has(cycle - 1) ? evaluateCycle(db, loaded, cycle - 1, only, withInputs, memo) : [];
  const lastGrade = new Map(previousRows.filter((row) => row.evaluated).map((row) => [row.district, row.grade]));
  const coverage = coverageByDistrict(db, cycle, only);
  const inputs = withInputs.has(cycle) ? currentInputs(db, cycle) : new Map<string, StoredDistrictInputs>();
  const rows = districtRefs(db, only).map((district): DingRow => {
    const entry = inputs.get(district.code);
    const evaluated = lastGrade.get(district.code);
    const previous = evaluated !== undefined ? { grade: evaluated, source: 'evaluation' as const } : entry ? { grade: entry.previousGrade, source: 'inputs' as const } : null;
    const row = evaluateDistrict(loaded.pack, district, cycle, coverageOf(coverage, district.code), entry ? { ...entry, previousGrade: previous?.grade ?? entry.previousGrade } : null);
    return { ...row, previousGrade: previous?.grade ?? null, previousGradeSource: previous?.source ?? null };
  });
  memo.set(cycle, rows);
  return rows;
}

export function dingTable(db: Database, cycle: number, only: string | null = null): DingTable {
  const loaded = loadDingPack(db);
  const rows = evaluateCycle(db, loaded, cycle, only, cyclesWithInputs(db), new Map());
  const ranked = only === null ? rankRows(rows) : rows;
  // Ranked first (highest composite), then the districts not evaluated in their usual order.
  const order = (row: DingRow) => row.rank ?? Number.MAX_SAFE_INTEGER;
  return { cycle, rubric: loaded.ref, rubricSha256: loaded.sha256, rows: ranked.map((row, index) => ({ row, index })).sort((a, b) => order(a.row) - order(b.row) || a.index - b.index).map(({ row }) => row) };
}
