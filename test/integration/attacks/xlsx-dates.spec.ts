// Item 11 of the hostile run: dates in Excel exports were text (最近评定日期 in `units list
// --xlsx` was a string), so a spreadsheet could not sort or compute with them. Every export is
// read back here: a day is a date cell with a date format, and no cell holds a day as text.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FileDownload } from '@shared/api/procedures/ding';
import type { Core } from '../../../electron/main/host/core';
import { testCore } from '../../helpers/core';
import { anyone } from '../../helpers/actors';

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, anyone);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

async function sheetOf(file: FileDownload): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
}

/** Cells below the header that hold a calendar day as text. */
function daysAsText(sheet: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(cell.value)) found.push(`${cell.address} ${cell.value}`);
    });
  });
  return found;
}

describe('item 11: dates in Excel exports', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore();
    await call(core, 'demo.load', { units: 60 });
  });

  it('writes 最近评定日期 of the units list as a date cell with a date format, the same day as the list', async () => {
    const sheet = await sheetOf(await call<FileDownload>(core, 'exports.unitsXlsx', {}));
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('最近评定日期') + 1;
    expect(column).toBeGreaterThan(0);
    const listed = await call<{ items: { name: string; lastAssessedOn: string | null }[] }>(core, 'units.list', { limit: 500 });
    const byName = new Map(listed.items.map((unit) => [unit.name, unit.lastAssessedOn]));
    let dates = 0;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const cell = row.getCell(column);
      const expected = byName.get(String(row.getCell(1).value));
      if (expected === null || expected === undefined) {
        expect(cell.value ?? null).toBeNull();
        return;
      }
      expect(cell.type, `${cell.address}`).toBe(ExcelJS.ValueType.Date);
      expect(cell.numFmt).toBe('yyyy-mm-dd');
      expect((cell.value as Date).toISOString().slice(0, 10)).toBe(expected);
      dates += 1;
    });
    expect(dates).toBeGreaterThan(10);
  });

  it('leaves no day as text in any export', async () => {
    for (const [name, input] of [
      ['exports.unitsXlsx', {}],
      ['exports.dingXlsx', {}],
    ] as const) {
      const sheet = await sheetOf(await call<FileDownload>(core, name, input));
      expect(daysAsText(sheet), name).toEqual([]);
    }
  });
});
