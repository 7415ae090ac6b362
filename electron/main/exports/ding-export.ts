/** The district evaluation table as a spreadsheet: one row per district, the inputs beside the decision. */
import type { DingRow } from '@shared/domain/ding-evaluation';
import type { DingGrade, DingPack } from '@shared/rubric/ding-pack';
import { gradeLabel } from '@shared/rubric/ding-pack';
import type { XlsxColumn, XlsxSheet } from './xlsx-writer';

const decidedByZh: Record<string, string> = { veto: '一票否决', coverage: '覆盖率不足', zongzhi: '综治得分不足', stepUp: '逐级晋升', composite: '综合得分' };

export function dingSheet(pack: DingPack, cycle: number, rows: readonly DingRow[]): XlsxSheet<DingRow> {
  const grade = (value: DingGrade | null) => (value === null ? null : value === 'none' ? '无' : gradeLabel(pack, value).zh);
  const columns: XlsxColumn<DingRow>[] = [
    { header: '排名', width: 6, value: (row) => row.rank },
    { header: '区县代码', width: 10, value: (row) => row.district },
    { header: '区县', width: 20, value: (row) => row.name },
    { header: '参评单位数', width: 11, value: (row) => row.inScopeUnits },
    { header: '星级单位数', width: 11, value: (row) => row.starredUnits },
    { header: '覆盖率', width: 9, value: (row) => row.coverage, numFmt: '0.00%' },
    { header: '依法治国得分', width: 13, value: (row) => row.ruleOfLaw, numFmt: '0.00' },
    ...pack.aspects.map((aspect): XlsxColumn<DingRow> => ({ header: aspect.label.zh, width: 10, value: (row) => row.aspects?.[aspect.id] ?? null, numFmt: '0.00' })),
    { header: '综治得分', width: 10, value: (row) => row.zongzhi, numFmt: '0.00' },
    { header: '一票否决', width: 9, value: (row) => (row.veto === null ? null : row.veto ? '是' : '否') },
    { header: '否决事由', width: 20, value: (row) => row.vetoReason },
    { header: '综合得分', width: 10, value: (row) => row.composite, numFmt: '0.00' },
    { header: '具备资格', width: 9, value: (row) => (row.evaluated ? (row.eligible ? '是' : '否') : '未评定') },
    { header: '上年度', width: 8, value: (row) => grade(row.previousGrade) },
    { header: `${cycle}年度评定`, width: 10, value: (row) => grade(row.grade) },
    { header: '决定规则', width: 12, value: (row) => (row.decidedBy ? decidedByZh[row.decidedBy] ?? row.decidedBy : row.notEvaluatedReason?.zh ?? null) },
  ];
  return { name: `${cycle}年度平安鼎`, columns, rows };
}
