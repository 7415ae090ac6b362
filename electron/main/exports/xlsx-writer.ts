/**
 * Writes rows to an .xlsx workbook with Chinese headers, streaming (exceljs' WorkbookWriter) so
 * a 100,000-unit list does not build a whole workbook in memory. Text that a spreadsheet would
 * read as a formula (starting with =, +, - or @) is kept as text: a string cell with the text
 * number format, never a formula. Dates are written as dates (Excel serial numbers with a date
 * format), so a spreadsheet sorts, filters and computes with them; never as text.
 */
import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | null;

export interface XlsxColumn<T> {
  header: string;
  /** Width in characters (a Chinese character counts two). */
  width: number;
  value(row: T): CellValue;
  /** Excel number format for numbers, e.g. '0.00' or '0.00%'. */
  numFmt?: string;
  /** The value is a calendar day (`YYYY-MM-DD`): written as a date cell with the date format. */
  date?: true;
}

export const dateFormat = 'yyyy-mm-dd';

/** A calendar day as the Date exceljs turns into that day's serial number (it counts in UTC). */
export function excelDay(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export interface XlsxSheet<T> {
  name: string;
  columns: XlsxColumn<T>[];
  rows: Iterable<T>;
}

/** Text a spreadsheet program would take for a formula (CSV/formula injection). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

async function writeWorkbook(sheets: readonly XlsxSheet<never>[], stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '鼎星评定工作站';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column, index) => ({ key: String(index), width: column.width }));
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for (const item of sheet.rows) {
      const row = worksheet.addRow(
        sheet.columns.map((column) => {
          const value = column.value(item);
          return column.date && typeof value === 'string' ? excelDay(value) : value;
        }),
      );
      sheet.columns.forEach((column, index) => {
        const cell = row.getCell(index + 1);
        const value = cell.value;
        if (value instanceof Date) cell.numFmt = dateFormat;
        else if (typeof value === 'string' && looksLikeFormula(value)) cell.numFmt = '@';
        else if (typeof value === 'number' && column.numFmt) cell.numFmt = column.numFmt;
      });
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** The workbook's bytes. */
export async function xlsxBuffer<T>(sheets: readonly XlsxSheet<T>[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await writeWorkbook(sheets as unknown as readonly XlsxSheet<never>[], stream);
  await ended;
  return Buffer.concat(chunks);
}
