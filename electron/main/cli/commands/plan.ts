/**
 * `dingxing plan import FILE.csv|xlsx` and `dingxing plan list [--workstation ID] [--cycle Y]`:
 * the inspection plan (docs/registry.md), through the same procedures as the 计划 screen. A file
 * naming an unknown unit or workstation, or with any other bad row, is refused whole (exit 1),
 * every bad line named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { PlanImportIssue, PlanStatus } from '@shared/api/procedures/plan';
import type { CliCommand } from '../command';
import { integerOption, stringOption } from '../command';
import { callCore } from '../call-core';
import { formatTable } from '../text/table';

const statusWords: Record<PlanStatus, string> = { todo: '待办 to do', done: '已完成 done', overdue: '逾期 overdue' };

export const planImportCommand: CliCommand = {
  path: ['plan', 'import'],
  summary: 'Import the inspection plan from a CSV or XLSX file (年度, 统一社会信用代码 or 区 + 单位名称, 工作站, 截止日期); all rows or none',
  args: 'FILE.csv|xlsx',
  positionals: { min: 1, max: 1 },
  async run(context) {
    const file = path.resolve(context.positionals[0] as string);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new DxError('BAD_INPUT', `无法读取文件 ${file} / cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const core = await context.core();
    try {
      const outcome = await callCore(core, 'plan.import', { fileName: path.basename(file), contentBase64: bytes.toString('base64') });
      context.print(outcome, `已导入计划 ${outcome.rows} 条：新增 ${outcome.added}、变更 ${outcome.updated}、不变 ${outcome.unchanged}，年度 ${outcome.cycles.join(', ')} (plan imported: ${outcome.rows} rows, ${outcome.added} added, ${outcome.updated} changed, ${outcome.unchanged} unchanged)`);
    } catch (error) {
      const errors = error instanceof DxError ? (error.details?.errors as PlanImportIssue[] | undefined) : undefined;
      if (errors === undefined) throw error;
      if (context.json) context.io.stdout(`${JSON.stringify({ error: error instanceof DxError ? { code: error.code, message: error.message } : null, errors }, null, 2)}\n`);
      context.io.stderr(
        [
          `dingxing: 计划被拒绝，未写入任何内容：${path.basename(file)} 有 ${errors.length} 处错误 / plan refused, nothing written: ${errors.length} errors in ${path.basename(file)}`,
          ...errors.map((issue) => `  - 第 ${issue.line} 行${issue.column ? `（${issue.column}）` : ''}：${issue.message} (line ${issue.line}${issue.column ? `, ${issue.column}` : ''}: ${issue.messageEn})`),
          '',
        ].join('\n'),
      );
      return 1;
    }
  },
};

export const planListCommand: CliCommand = {
  path: ['plan', 'list'],
  summary: 'List the inspection plan: which workstation assesses which unit by when, and whether it is done',
  options: {
    workstation: { type: 'string', help: 'ID  only this workstation’s entries (its id, code or name)' },
    cycle: { type: 'string', help: 'Y  only this cycle' },
  },
  async run(context) {
    const cycle = integerOption(context.values, 'cycle', planListCommand);
    const workstation = stringOption(context.values, 'workstation');
    const core = await context.core();
    const { entries, total } = await callCore(core, 'plan.list', { ...(cycle !== undefined ? { cycle } : {}), ...(workstation !== undefined ? { workstation } : {}), limit: 100_000 });
    const table = formatTable(
      ['年度 cycle', '单位 unit', '区 district', '工作站 workstation', '截止 due', '状态 status'],
      entries.map((entry) => [String(entry.cycle), entry.unitName, entry.districtName, entry.assigneeName, entry.dueOn, `${statusWords[entry.status]}${entry.doneOn ? ` ${entry.doneOn}` : ''}`]),
    );
    const counts = (status: PlanStatus) => entries.filter((entry) => entry.status === status).length;
    const summary = `共 ${total} 条：待办 ${counts('todo')}、已完成 ${counts('done')}、逾期 ${counts('overdue')} (${total} entries: ${counts('todo')} to do, ${counts('done')} done, ${counts('overdue')} overdue)`;
    context.print(entries, entries.length === 0 ? '计划为空 (the plan is empty)' : `${table}\n\n${summary}`);
  },
};
