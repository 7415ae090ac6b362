// The Ding engine on a table of cases: each decidedBy, each boundary of the Ding rules (docs/domain.md).
import { describe, expect, it } from 'vitest';
import { DingPackSchema } from '../../../shared/rubric/ding-pack';
import type { DingGrade } from '../../../shared/rubric/ding-pack';
import type { AspectScores } from '../../../shared/domain/district-inputs';
import wuhanDing from '../../../electron/main/rubric/default-packs/wuhan-ding-2026.1.json';
import { coverageBasisPoints, emptyKindCoverage, evaluateDistrict, rankRows, zongzhiHundredths } from '../../../electron/main/ding/evaluate-district';
import type { DingInputs } from '../../../electron/main/ding/evaluate-district';

const pack = DingPackSchema.parse(wuhanDing);
const district = { code: '420105', name: '汉阳区', nameEn: 'Hanyang District' };

function aspects(value: number, overrides: Partial<AspectScores> = {}): AspectScores {
  return { politicalStability: value, publicOrder: value, economicOrder: value, workSafety: value, foodDrugSafety: value, ecology: value, grassrootsGovernance: value, livelihood: value, ...overrides };
}

function coverage(starred: number, inScope: number) {
  return { total: { inScopeUnits: inScope, starredUnits: starred }, byKind: emptyKindCoverage() };
}

function evaluate(options: { ruleOfLaw: number; zongzhi?: number; aspectScores?: AspectScores; starred: number; inScope: number; veto?: boolean; previousGrade?: DingGrade }) {
  const inputs: DingInputs = {
    ruleOfLaw: options.ruleOfLaw,
    aspects: options.aspectScores ?? aspects(options.zongzhi ?? 90),
    veto: options.veto ?? false,
    vetoReason: options.veto ? '发生重大安全生产事故' : null,
    previousGrade: options.previousGrade ?? 'silver',
  };
  return evaluateDistrict(pack, district, 2026, coverage(options.starred, options.inScope), inputs);
}

describe('Ding engine', () => {
  // composite = 0.5 × ruleOfLaw + 0.3 × 综治 + 0.2 × coverage%
  it.each([
    { name: 'a district veto removes eligibility whatever the scores', args: { ruleOfLaw: 100, zongzhi: 100, starred: 10, inScope: 10, veto: true }, eligible: false, grade: 'none', decidedBy: 'veto' },
    { name: 'veto is named before coverage and 综治', args: { ruleOfLaw: 50, zongzhi: 50, starred: 0, inScope: 10, veto: true }, eligible: false, grade: 'none', decidedBy: 'veto' },
    { name: 'coverage exactly 30% is eligible', args: { ruleOfLaw: 100, zongzhi: 100, starred: 3, inScope: 10 }, eligible: true, grade: 'bronze', decidedBy: 'composite', composite: 86, coverage: 0.3 },
    { name: 'coverage 29.99% is not', args: { ruleOfLaw: 100, zongzhi: 100, starred: 2999, inScope: 10_000 }, eligible: false, grade: 'none', decidedBy: 'coverage', coverage: 0.2999 },
    { name: 'coverage is named before 综治', args: { ruleOfLaw: 100, zongzhi: 70, starred: 1, inScope: 10 }, eligible: false, grade: 'none', decidedBy: 'coverage' },
    { name: 'a district without units has no coverage', args: { ruleOfLaw: 100, zongzhi: 100, starred: 0, inScope: 0 }, eligible: false, grade: 'none', decidedBy: 'coverage', coverage: 0 },
    { name: '综治 exactly 80 is eligible', args: { ruleOfLaw: 90, zongzhi: 80, starred: 5, inScope: 10, previousGrade: 'bronze' as DingGrade }, eligible: true, zongzhi: 80, composite: 79, grade: 'none', decidedBy: 'composite' },
    { name: '综治 79.99 is not', args: { ruleOfLaw: 100, aspectScores: aspects(80, { livelihood: 79.92 }), starred: 10, inScope: 10 }, eligible: false, zongzhi: 79.99, grade: 'none', decidedBy: 'zongzhi' },
    // 0.5 × 80 + 0.3 × 80 + 0.2 × 80 = 80
    { name: 'composite exactly 80 is bronze', args: { ruleOfLaw: 80, zongzhi: 80, starred: 8, inScope: 10, previousGrade: 'none' as DingGrade }, eligible: true, composite: 80, grade: 'bronze', decidedBy: 'composite' },
    { name: 'composite 79.99 is no grade', args: { ruleOfLaw: 79.98, zongzhi: 80, starred: 8, inScope: 10, previousGrade: 'none' as DingGrade }, eligible: true, composite: 79.99, grade: 'none', decidedBy: 'composite' },
    { name: 'composite exactly 88 is silver', args: { ruleOfLaw: 88, zongzhi: 88, starred: 88, inScope: 100, previousGrade: 'bronze' as DingGrade }, eligible: true, composite: 88, grade: 'silver', decidedBy: 'composite' },
    { name: 'composite 87.99 is bronze', args: { ruleOfLaw: 87.98, zongzhi: 88, starred: 88, inScope: 100, previousGrade: 'bronze' as DingGrade }, eligible: true, composite: 87.99, grade: 'bronze', decidedBy: 'composite' },
    { name: 'composite exactly 95 is gold', args: { ruleOfLaw: 95, zongzhi: 95, starred: 95, inScope: 100, previousGrade: 'silver' as DingGrade }, eligible: true, composite: 95, grade: 'gold', decidedBy: 'composite' },
    { name: 'composite 94.99 is silver', args: { ruleOfLaw: 94.98, zongzhi: 95, starred: 95, inScope: 100, previousGrade: 'silver' as DingGrade }, eligible: true, composite: 94.99, grade: 'silver', decidedBy: 'composite' },
    { name: 'a rise of two grades is capped at one', args: { ruleOfLaw: 100, zongzhi: 100, starred: 100, inScope: 100, previousGrade: 'bronze' as DingGrade }, eligible: true, composite: 100, grade: 'silver', decidedBy: 'stepUp' },
    { name: 'a rise of three grades from none is capped at bronze', args: { ruleOfLaw: 100, zongzhi: 100, starred: 100, inScope: 100, previousGrade: 'none' as DingGrade }, eligible: true, grade: 'bronze', decidedBy: 'stepUp' },
    { name: 'a lower composite lowers the grade at once, two grades down', args: { ruleOfLaw: 80, zongzhi: 80, starred: 8, inScope: 10, previousGrade: 'gold' as DingGrade }, eligible: true, composite: 80, grade: 'bronze', decidedBy: 'composite' },
    { name: 'gold stays gold', args: { ruleOfLaw: 96, zongzhi: 96, starred: 96, inScope: 100, previousGrade: 'gold' as DingGrade }, eligible: true, grade: 'gold', decidedBy: 'composite' },
  ])('$name', ({ args, eligible, grade, decidedBy, ...figures }) => {
    const row = evaluate(args);
    expect({ eligible: row.eligible, grade: row.grade, decidedBy: row.decidedBy }).toEqual({ eligible, grade, decidedBy });
    if ('composite' in figures) expect(row.composite).toBe(figures.composite);
    if ('zongzhi' in figures) expect(row.zongzhi).toBe(figures.zongzhi);
    if ('coverage' in figures) expect(row.coverage).toBe(figures.coverage);
  });

  it('rounds coverage half up to 0.01 of a percentage point before comparing it', () => {
    expect(coverageBasisPoints({ starredUnits: 1, inScopeUnits: 3 })).toBe(3333);
    expect(coverageBasisPoints({ starredUnits: 5999, inScopeUnits: 20_000 })).toBe(3000); // 29.995% → 30.00%
    expect(evaluate({ ruleOfLaw: 90, zongzhi: 90, starred: 5999, inScope: 20_000 }).eligible).toBe(true);
  });

  it('weights 综治 by the pack and keeps it exact to 0.01', () => {
    expect(zongzhiHundredths(pack, aspects(90, { ecology: 85.5 }))).toBe(8944); // 89.4375 → 89.44
    const weighted = { ...pack, aspects: pack.aspects.map((aspect) => ({ ...aspect, weight: aspect.id === 'publicOrder' ? 0.3 : 0.1 })) };
    expect(zongzhiHundredths(weighted, aspects(80, { publicOrder: 100 }))).toBe(8600);
  });

  it('prints the composite without float noise', () => {
    const row = evaluate({ ruleOfLaw: 91.3, aspectScores: aspects(88.7, { ecology: 84.1 }), starred: 37, inScope: 91 });
    // 0.5 × 91.3 + 0.3 × 88.13 (88.125 half up) + 0.2 × 40.66 = 45.65 + 26.439 + 8.132 = 80.221 → 80.22
    expect(row.zongzhi).toBe(88.13);
    expect(row.coverage).toBe(0.4066);
    expect(row.composite).toBe(80.22);
  });

  it('explains every input and the deciding rule in both languages', () => {
    const row = evaluate({ ruleOfLaw: 100, zongzhi: 100, starred: 100, inScope: 100, previousGrade: 'bronze' });
    const words = row.trace.map((step) => step.zh).join('\n');
    expect(words).toContain('星级覆盖率 100/100 = 100%');
    expect(words).toContain('综合得分 = 0.5 × 依法治国 100 + 0.3 × 综治 100 + 0.2 × 覆盖率 100 = 100');
    expect(words).toContain('每年至多晋升 1 级，本年度评为银鼎');
    expect(row.trace.map((step) => step.en).join('\n')).toContain('at most 1 grade up a cycle, so Silver');
    expect(row.trace.at(-1)?.rule).toBe('stepUp');
  });

  it('names the veto reason in the trace', () => {
    const row = evaluate({ ruleOfLaw: 100, zongzhi: 100, starred: 10, inScope: 10, veto: true });
    expect(row.trace[0]).toMatchObject({ rule: 'veto', passed: false });
    expect(row.trace[0]?.zh).toContain('发生重大安全生产事故');
  });

  it('lists a district without inputs as not evaluated, with the reason', () => {
    const row = evaluateDistrict(pack, district, 2026, coverage(4, 10), null);
    expect(row).toMatchObject({ evaluated: false, eligible: false, grade: 'none', decidedBy: null, composite: null, coverage: 0.4 });
    expect(row.notEvaluatedReason?.zh).toContain('未录入');
  });

  it('ranks by composite, ties sharing a rank, districts not evaluated unranked', () => {
    const a = evaluate({ ruleOfLaw: 90, zongzhi: 90, starred: 5, inScope: 10 });
    const b = evaluate({ ruleOfLaw: 95, zongzhi: 90, starred: 5, inScope: 10 });
    const c = evaluate({ ruleOfLaw: 90, zongzhi: 90, starred: 5, inScope: 10 });
    const none = evaluateDistrict(pack, district, 2026, coverage(1, 10), null);
    expect(rankRows([a, b, c, none]).map((row) => row.rank)).toEqual([2, 1, 2, null]);
  });
});
