/**
 * `dingxing ding [--cycle Y] [--xlsx FILE]`: the district evaluation table (docs/ding.md fields;
 * `--json` prints an array, one row per district). `dingxing ding inputs import FILE.json`:
 * record district inputs; every problem is named, nothing is written when any is found.
 */
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { DingRow } from '@shared/domain/ding-evaluation';
import type { CliCommand } from '../command';
import { integerOption, stringOption } from '../command';
import { readJsonFile } from '../read-json-file';
import { formatTable } from '../text/table';
import { cliActor } from '../../users/cli-actor';
import { writeFileRefusing } from '../write-output-file';
import { dingTable, defaultCycle, loadDingPack } from '../../ding/ding-table';
import { gradeLabel } from '../../ding/evaluate-district';
import { recordDistrictInputs } from '../../ding/import-inputs';
import type { InputsIssue } from '../../ding/validate-inputs';
import { dingSheet } from '../../exports/ding-export';
import { xlsxBuffer } from '../../exports/xlsx-writer';
import { formatHundredths } from '@shared/rubric/format-hundredths';

const decidedByWords: Record<string, string> = { veto: '一票否决 veto', coverage: '覆盖率 coverage', zongzhi: '综治 zongzhi', stepUp: '逐级 stepUp', composite: '综合得分 composite' };

/** The contract row of `ding --json`: the documented fields first (docs/ding.md), then the rest. */
function rowJson(row: DingRow) {
  const { district, name, inScopeUnits, starredUnits, coverage, zongzhi, composite, eligible, grade, decidedBy, ...rest } = row;
  return { district, name, inScopeUnits, starredUnits, coverage, zongzhi, composite, eligible, grade, decidedBy, ...rest };
}

export const dingCommand: CliCommand = {
  path: ['ding'],
  summary: 'The district 平安鼎 evaluation table: coverage, eligibility, composite, grade and the deciding rule',
  options: {
    cycle: { type: 'string', help: 'Y  the cycle (default: the newest with assessments)' },
    xlsx: { type: 'string', help: 'FILE  also write the table as an Excel workbook' },
  },
  async run(context) {
    const requested = integerOption(context.values, 'cycle', dingCommand);
    const xlsx = stringOption(context.values, 'xlsx');
    const core = await context.core();
    const db = core.services.db;
    const cycle = requested ?? defaultCycle(db, core.services.platform.now());
    const table = dingTable(db, cycle);
    const pack = loadDingPack(db).pack;
    if (xlsx !== undefined) await writeFileRefusing(path.resolve(xlsx), await xlsxBuffer([dingSheet(pack, cycle, table.rows)]));
    const grade = (value: DingRow['grade'] | null) => (value === null ? '' : value === 'none' ? '—' : `${gradeLabel(pack, value).zh} ${value}`);
    const figure = (value: number | null) => (value === null ? '' : formatHundredths(Math.round(value * 100)));
    const rows = table.rows.map((row) => [
      row.rank === null ? '' : String(row.rank),
      `${row.name} ${row.district}`,
      `${row.starredUnits}/${row.inScopeUnits}`,
      `${formatHundredths(Math.round(row.coverage * 10_000))}%`,
      figure(row.ruleOfLaw),
      figure(row.zongzhi),
      figure(row.composite),
      row.evaluated ? (row.eligible ? '是 yes' : '否 no') : '',
      grade(row.previousGrade),
      row.evaluated ? grade(row.grade) : '未评定 not evaluated',
      row.decidedBy ? (decidedByWords[row.decidedBy] ?? row.decidedBy) : (row.notEvaluatedReason?.zh ?? ''),
    ]);
    const header = ['排名', '区县 District', '星级/参评', '覆盖率', '依法治国', '综治', '综合得分', '资格', '上年度', `${cycle} 评定 Grade`, '决定规则 Decided by'];
    const evaluated = table.rows.filter((row) => row.evaluated).length;
    const footer = `${cycle} 年度：${evaluated} 个区县已评定，${table.rows.length - evaluated} 个未录入考评数据 (cycle ${cycle}: ${evaluated} districts evaluated, ${table.rows.length - evaluated} without inputs); rubric ${table.rubric}${xlsx ? `\n已写入 Excel (written): ${path.resolve(xlsx)}` : ''}`;
    context.print(table.rows.map(rowJson), `${formatTable(header, rows)}\n\n${footer}`);
  },
};

function describe(issue: InputsIssue): string {
  return `${issue.message} (${issue.messageEn})`;
}

export const dingInputsImportCommand: CliCommand = {
  path: ['ding', 'inputs', 'import'],
  summary: 'Record district inputs (dingxing.district-inputs/1 JSON); every problem named; all or nothing',
  args: 'FILE.json',
  positionals: { min: 1, max: 1 },
  async run(context) {
    const file = path.resolve(context.positionals[0] as string);
    let raw: unknown;
    try {
      raw = readJsonFile(file);
    } catch (error) {
      if (!(error instanceof DxError)) throw error;
      throw new DxError('BAD_INPUT', `无法读取区县考评数据文件 ${file}，未写入任何内容 (${error.message}; nothing written)`, error.details);
    }
    const core = await context.core();
    const services = core.services;
    try {
      const result = recordDistrictInputs({ db: services.db, workstationId: services.workstation.id, now: () => services.platform.now(), audit: services.audit }, raw, cliActor().userId, path.basename(file));
      context.print(
        { cycle: result.cycle, recorded: result.recorded },
        `已记录 ${result.cycle} 年度 ${result.recorded.length} 个区县的考评数据 (recorded inputs of ${result.recorded.length} districts for ${result.cycle}): ${result.recorded.map((entry) => entry.district).join(', ')}`,
      );
    } catch (error) {
      if (!(error instanceof DxError) || error.code !== 'BAD_INPUT') throw error;
      const issues = (error.details?.issues ?? []) as InputsIssue[];
      if (context.json) context.io.stdout(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
      context.io.stderr([`dingxing: ${error.message}`, ...issues.map((issue) => `  - ${describe(issue)}`), ''].join('\n'));
      return 1;
    }
  },
};
