/**
 * The Ding engine: one district's 平安鼎 decision for a cycle, pure, with a trace in words
 * (docs/domain.md, the 平安鼎 of a district). Every figure is counted in integer hundredths and rounded half
 * up to 0.01 (coverage to 0.01 of a percentage point) before a rule compares it, so what the
 * table shows is exactly what decided the grade, and anyone can redo the sum by hand.
 */
import type { AspectScores } from '@shared/domain/district-inputs';
import type { CoverageCounts, DingDecision, DingRow, DingTraceStep } from '@shared/domain/ding-evaluation';
import type { UnitKind } from '@shared/domain/unit-kinds';
import { unitKinds } from '@shared/domain/unit-kinds';
import { gradeLabel } from '@shared/rubric/ding-pack';
import type { DingGrade, DingPack } from '@shared/rubric/ding-pack';
import { dingGrades } from '@shared/rubric/ding-pack';
import { divideRoundHalfUp, fromHundredths, toHundredths, toScaled } from '@shared/rubric/decimal';
import { formatHundredths } from '@shared/rubric/format-hundredths';

export interface DistrictRefWithEn {
  code: string;
  name: string;
  nameEn: string;
}

export interface DingInputs {
  ruleOfLaw: number;
  aspects: AspectScores;
  veto: boolean;
  vetoReason: string | null;
  previousGrade: DingGrade;
}

export interface DistrictCoverage {
  total: CoverageCounts;
  byKind: Record<UnitKind, CoverageCounts>;
}

/** Pack weights have at most 4 decimals (validate-ding-pack.ts). */
const weightPlaces = 4;
const weightScale = 10 ** weightPlaces;

const gradeRank = (grade: DingGrade): number => dingGrades.indexOf(grade);

export function emptyKindCoverage(): Record<UnitKind, CoverageCounts> {
  return Object.fromEntries(unitKinds.map((kind) => [kind, { inScopeUnits: 0, starredUnits: 0 }])) as Record<UnitKind, CoverageCounts>;
}

/** Coverage in hundredths of a percentage point (3000 = 30.00%), half up; 0 for a district with no units. */
export function coverageBasisPoints(counts: CoverageCounts): number {
  return counts.inScopeUnits === 0 ? 0 : divideRoundHalfUp(counts.starredUnits * 10_000, counts.inScopeUnits);
}

/** 综治 in hundredths: the weighted mean of the aspects, half up. */
export function zongzhiHundredths(pack: DingPack, aspects: AspectScores): number {
  let weighted = 0;
  let weights = 0;
  for (const aspect of pack.aspects) {
    const weight = toScaled(aspect.weight, weightPlaces);
    weighted += weight * toHundredths(aspects[aspect.id]);
    weights += weight;
  }
  return weights === 0 ? 0 : divideRoundHalfUp(weighted, weights);
}

/** composite in hundredths from the rounded parts: ruleOfLaw × w + 综治 × w + coverage% × w, half up. */
export function compositeHundredths(pack: DingPack, ruleOfLaw: number, zongzhi: number, coverageBp: number): number {
  const weights = pack.compositeWeights;
  const sum = toScaled(weights.ruleOfLaw, weightPlaces) * toHundredths(ruleOfLaw) + toScaled(weights.zongzhi, weightPlaces) * zongzhi + toScaled(weights.coverage, weightPlaces) * coverageBp;
  return divideRoundHalfUp(sum, weightScale);
}

/** The highest grade whose threshold the composite reaches. */
export function gradeByComposite(pack: DingPack, composite: number): DingGrade {
  let grade: DingGrade = 'none';
  for (const level of pack.grades) if (composite >= toHundredths(level.min)) grade = level.grade;
  return grade;
}


const pct = (basisPoints: number) => `${formatHundredths(basisPoints)}%`;
const num = formatHundredths;

function coverageRow(district: DistrictRefWithEn, cycle: number, coverage: DistrictCoverage): Pick<DingRow, 'district' | 'name' | 'nameEn' | 'cycle' | 'inScopeUnits' | 'starredUnits' | 'coverage' | 'coverageByKind'> {
  return {
    district: district.code,
    name: district.name,
    nameEn: district.nameEn,
    cycle,
    inScopeUnits: coverage.total.inScopeUnits,
    starredUnits: coverage.total.starredUnits,
    coverage: coverageBasisPoints(coverage.total) / 10_000,
    coverageByKind: coverage.byKind,
  };
}

export function evaluateDistrict(pack: DingPack, district: DistrictRefWithEn, cycle: number, coverage: DistrictCoverage, inputs: DingInputs | null): DingRow {
  const base = coverageRow(district, cycle, coverage);
  const coverageBp = coverageBasisPoints(coverage.total);
  const counts = `${coverage.total.starredUnits}/${coverage.total.inScopeUnits}`;
  if (inputs === null) {
    const reason = { zh: `${cycle} 年度未录入区县考评数据，不参加评定`, en: `no district inputs for ${cycle}; not evaluated` };
    return {
      ...base,
      zongzhi: null,
      composite: null,
      eligible: false,
      grade: 'none',
      decidedBy: null,
      evaluated: false,
      notEvaluatedReason: reason,
      ruleOfLaw: null,
      aspects: null,
      veto: null,
      vetoReason: null,
      previousGrade: null,
      previousGradeSource: null,
      compositeGrade: null,
      rank: null,
      trace: [{ rule: 'noInputs', passed: null, ...reason }],
    };
  }

  const trace: DingTraceStep[] = [];
  const minCoverageBp = toScaled(pack.eligibility.minCoverage * 100, 2);
  const minZongzhi = toHundredths(pack.eligibility.minZongzhi);
  const zongzhi = zongzhiHundredths(pack, inputs.aspects);
  const composite = compositeHundredths(pack, inputs.ruleOfLaw, zongzhi, coverageBp);

  const vetoFails = pack.eligibility.vetoExcludes && inputs.veto;
  const reasonZh = inputs.vetoReason ? `（${inputs.vetoReason}）` : '';
  const reasonEn = inputs.vetoReason ? ` (${inputs.vetoReason})` : '';
  trace.push(
    inputs.veto
      ? { rule: 'veto', passed: !vetoFails, zh: `本年度发生一票否决事项${reasonZh}，不具备评定资格`, en: `district veto this cycle${reasonEn}: not eligible` }
      : { rule: 'veto', passed: true, zh: '本年度无一票否决事项', en: 'no district veto this cycle' },
  );
  const coverageOk = coverageBp >= minCoverageBp;
  trace.push({
    rule: 'coverage',
    passed: coverageOk,
    zh: `星级覆盖率 ${counts} = ${pct(coverageBp)}，${coverageOk ? '达到' : '低于'} ${pct(minCoverageBp)} 的参评线`,
    en: `star coverage ${counts} = ${pct(coverageBp)}, ${coverageOk ? 'meets' : 'below'} the ${pct(minCoverageBp)} line`,
  });
  const aspectsZh = pack.aspects.map((aspect) => `${aspect.label.zh} ${num(toHundredths(inputs.aspects[aspect.id]))}`).join('、');
  const aspectsEn = pack.aspects.map((aspect) => `${aspect.label.en} ${num(toHundredths(inputs.aspects[aspect.id]))}`).join(', ');
  const zongzhiOk = zongzhi >= minZongzhi;
  trace.push({
    rule: 'zongzhi',
    passed: zongzhiOk,
    zh: `综治得分为八个方面的加权平均（${aspectsZh}）= ${num(zongzhi)}，${zongzhiOk ? '达到' : '低于'} ${num(minZongzhi)}`,
    en: `the comprehensive governance (zongzhi) score is the weighted mean of the eight aspects (${aspectsEn}) = ${num(zongzhi)}, ${zongzhiOk ? 'meets' : 'below'} ${num(minZongzhi)}`,
  });

  const failed: DingDecision | null = vetoFails ? 'veto' : !coverageOk ? 'coverage' : !zongzhiOk ? 'zongzhi' : null;
  const w = pack.compositeWeights;
  trace.push({
    rule: 'composite',
    passed: null,
    zh: `综合得分 = ${w.ruleOfLaw} × 依法治国 ${num(toHundredths(inputs.ruleOfLaw))} + ${w.zongzhi} × 综治 ${num(zongzhi)} + ${w.coverage} × 覆盖率 ${num(coverageBp)} = ${num(composite)}`,
    en: `composite = ${w.ruleOfLaw} × rule of law ${num(toHundredths(inputs.ruleOfLaw))} + ${w.zongzhi} × zongzhi ${num(zongzhi)} + ${w.coverage} × coverage ${num(coverageBp)} = ${num(composite)}`,
  });
  const compositeGrade = gradeByComposite(pack, composite);
  const previous = inputs.previousGrade;
  const common = {
    ...base,
    zongzhi: fromHundredths(zongzhi),
    composite: fromHundredths(composite),
    evaluated: true,
    notEvaluatedReason: null,
    ruleOfLaw: inputs.ruleOfLaw,
    aspects: inputs.aspects,
    veto: inputs.veto,
    vetoReason: inputs.vetoReason,
    previousGrade: previous,
    previousGradeSource: null,
    compositeGrade,
    rank: null,
  };
  if (failed !== null) {
    trace.push({ rule: 'eligibility', passed: false, zh: '不具备参评资格，本年度不授鼎', en: 'not eligible: no grade this cycle' });
    return { ...common, eligible: false, grade: 'none', decidedBy: failed, trace };
  }
  trace.push({ rule: 'eligibility', passed: true, zh: '具备参评资格', en: 'eligible' });

  const label = gradeLabel(pack, compositeGrade);
  const thresholds = pack.grades.map((level) => `${level.label.zh} ≥ ${level.min}`).join('，');
  const thresholdsEn = pack.grades.map((level) => `${level.label.en} ≥ ${level.min}`).join(', ');
  trace.push({
    rule: 'grade',
    passed: null,
    zh: `按综合得分 ${num(composite)}（${thresholds}）可评 ${compositeGrade === 'none' ? '无鼎' : label.zh}`,
    en: `composite ${num(composite)} (${thresholdsEn}) reaches ${compositeGrade === 'none' ? 'no grade' : label.en}`,
  });
  const cap = Math.min(gradeRank(previous) + pack.promotion.maxStepUp, dingGrades.length - 1);
  if (gradeRank(compositeGrade) > cap) {
    const capped = dingGrades[cap] as DingGrade;
    const previousLabel = gradeLabel(pack, previous);
    const cappedLabel = gradeLabel(pack, capped);
    trace.push({
      rule: 'stepUp',
      passed: false,
      zh: `上一年度为${previous === 'none' ? '无鼎' : previousLabel.zh}，每年至多晋升 ${pack.promotion.maxStepUp} 级，本年度评为${cappedLabel.zh}`,
      en: `last cycle ${previous === 'none' ? 'no grade' : previousLabel.en}; at most ${pack.promotion.maxStepUp} grade up a cycle, so ${cappedLabel.en}`,
    });
    return { ...common, eligible: true, grade: capped, decidedBy: 'stepUp', trace };
  }
  return { ...common, eligible: true, grade: compositeGrade, decidedBy: 'composite', trace };
}

/** Ranks evaluated rows by composite (ties share a rank), highest first; the rest keep rank null. */
export function rankRows(rows: DingRow[]): DingRow[] {
  const scored = rows.filter((row) => row.composite !== null).map((row) => row.composite as number).sort((a, b) => b - a);
  return rows.map((row) => (row.composite === null ? row : { ...row, rank: scored.indexOf(row.composite) + 1 }));
}
