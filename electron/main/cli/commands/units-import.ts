/**
 * `dingxing units import FILE`: imports a CSV/XLSX of units, all rows or none. Every bad row is
 * reported with its line and reason (Chinese first, English in brackets); exit 1 when any is bad.
 * `--json` prints the report {imported, errors: [{line, column?, message, messageEn}], warnings, …}.
 * A terminal gets at most 50 error lines and the total; `--json` or `--errors FILE` (CSV) has every one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import { formatMegabytes, maxImportFileBytes } from '@shared/limits';
import type { ImportIssue, UnitImportReport } from '@shared/api/procedures/units';
import type { CliCommand } from '../command';
import { importUnitsFile } from '../../units/import/import-units';
import { readTable } from '../../units/import/read-table';
import { mapHeader } from '../../units/import/validate-rows';
import { cliActor } from '../../users/cli-actor';
import { issuesCsv } from '../../units/import/preview-pages';
import { stringOption } from '../command';

/** Error lines printed to a terminal; a file with 50,000 bad rows is read from --errors FILE, not scrolled. */
export const printedErrors = 50;

function writeErrorsCsv(file: string, issues: readonly ImportIssue[]): void {
  try {
    fs.writeFileSync(file, issuesCsv(issues));
  } catch (error) {
    throw new DxError('BAD_INPUT', `无法写入 ${file} / cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export function describeIssue(issue: ImportIssue): string {
  const whereZh = issue.line > 0 ? `第 ${issue.line} 行${issue.column ? `（${issue.column}）` : ''}：` : '';
  const whereEn = issue.line > 0 ? `line ${issue.line}${issue.column ? `, ${issue.column}` : ''}: ` : '';
  return `${whereZh}${issue.message} (${whereEn}${issue.messageEn})`;
}

function issueOfError(error: DxError): ImportIssue {
  const messageEn = typeof error.details?.messageEn === 'string' ? error.details.messageEn : error.message;
  return { line: 0, message: error.details?.issues?.[0]?.message ?? error.message, messageEn };
}

/** The report of a file refused whole (unreadable, wrong type, missing columns), before any row is checked. */
function fileLevelReport(fileName: string, errors: ImportIssue[]): UnitImportReport {
  return {
    fileName,
    format: fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
    encoding: 'unknown',
    totalRows: 0,
    imported: 0,
    streetsCreated: 0,
    errors,
    warnings: [],
    rows: [],
    rowsTruncated: false,
  };
}

export const unitsImportCommand: CliCommand = {
  path: ['units', 'import'],
  summary: 'Import units from a CSV (UTF-8 or GBK) or XLSX file; every bad row is reported; all or nothing',
  args: 'FILE',
  positionals: { min: 1, max: 1 },
  options: {
    errors: { type: 'string', help: 'FILE  write every error to this CSV file (the terminal shows the first 50)' },
    update: { type: 'boolean', help: 'a row matching a unit (by USCC, else district and name) updates it; empty cells keep what it has' },
  },
  async run(context) {
    const errorsFile = stringOption(context.values, 'errors');
    const file = path.resolve(context.positionals[0] as string);
    const fileName = path.basename(file);
    let bytes: Uint8Array;
    try {
      const size = fs.statSync(file).size;
      if (size > maxImportFileBytes) {
        throw new DxError(
          'BAD_INPUT',
          `文件 ${fileName} 超过 ${formatMegabytes(maxImportFileBytes)} 的上限，请拆分后导入 / ${fileName} is over the ${formatMegabytes(maxImportFileBytes)} limit; split it`,
        );
      }
      bytes = fs.readFileSync(file);
    } catch (error) {
      if (error instanceof DxError) throw error;
      throw new DxError('BAD_INPUT', `无法读取文件 ${file} / cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let report: UnitImportReport;
    try {
      // Read the file before opening the database: a file refused whole creates or changes nothing.
      const table = await readTable(fileName, bytes);
      const headerErrors = mapHeader(table).errors;
      if (headerErrors.length > 0) report = fileLevelReport(fileName, headerErrors);
      else {
        const core = await context.core();
        report = await importUnitsFile({ db: core.services.db, workstationId: core.services.workstation.id, actorId: cliActor().userId, now: () => core.services.platform.now(), fileName, bytes, table, preview: false, mode: context.values.update === true ? 'update' : 'add' });
      }
    } catch (error) {
      if (!(error instanceof DxError) || error.code !== 'BAD_INPUT') throw error;
      report = fileLevelReport(fileName, [issueOfError(error)]);
    }
    const { rows: _rows, rowsTruncated: _truncated, ...document } = report;
    const warnings = report.warnings.map((issue) => `  ! ${describeIssue(issue)}`);
    if (errorsFile !== undefined) writeErrorsCsv(path.resolve(errorsFile), report.errors);
    if (report.errors.length > 0) {
      if (context.json) context.io.stdout(`${JSON.stringify(document, null, 2)}\n`);
      const count = report.errors.length.toLocaleString('en-US');
      const more = report.errors.length - printedErrors;
      const seeAll = errorsFile !== undefined ? `全部错误已写入 ${errorsFile} / every error is in ${errorsFile}` : '用 --errors FILE 或 --json 查看全部 / see every one with --errors FILE or --json';
      context.io.stderr(
        [
          `dingxing: 导入被拒绝，未写入任何单位：${fileName} 有 ${count} 处错误 / import refused, nothing written: ${count} errors in ${fileName}`,
          ...report.errors.slice(0, printedErrors).map((issue) => `  - ${describeIssue(issue)}`),
          ...(more > 0 ? [`  … 另有 ${more.toLocaleString('en-US')} 处错误未列出 / ${more.toLocaleString('en-US')} more not shown; ${seeAll}`] : errorsFile !== undefined ? [`  ${seeAll}`] : []),
          '',
        ].join('\n'),
      );
      return 1;
    }
    context.print(
      document,
      [
        report.counts
          ? `新增 ${report.counts.new} 个、更新 ${report.counts.update} 个、不变 ${report.counts.same} 个单位，新建街道 ${report.streetsCreated} 个 (added ${report.counts.new}, updated ${report.counts.update}, unchanged ${report.counts.same} units, ${report.streetsCreated} new streets) from ${fileName} [${report.encoding}]`
          : `已导入 ${report.imported} 个单位，新建街道 ${report.streetsCreated} 个 (imported ${report.imported} units, ${report.streetsCreated} new streets) from ${fileName} [${report.encoding}]`,
        ...(report.paperRows ? [`纸质时期星级记录 ${report.paperRows} 条，已标注来源 (${report.paperRows} history rows entered from paper, marked as such)`] : []),
        ...(warnings.length > 0 ? [`提示 (warnings): ${warnings.length}`, ...warnings] : []),
      ].join('\n'),
    );
    return 0;
  },
};
