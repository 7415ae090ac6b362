/**
 * A bounded, streaming reader for the first worksheet of an .xlsx file, as rows of cell texts.
 * The zip's entry count and sizes are checked before anything is unpacked (yauzl also refuses
 * entries whose real size differs from the declared one), the bytes actually inflated are
 * counted, and every cell reference is checked against the row and column limits before a row
 * is allocated, so a 6 KB file naming cell XFD1048576, or a zip bomb, is refused in milliseconds.
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { DxError } from '@shared/api/errors';
import { formatMegabytes, spreadsheetLimits } from '@shared/limits';
import type { SpreadsheetLimits } from '@shared/limits';

export interface SheetRow {
  /** The worksheet row number a person sees in Excel. */
  line: number;
  cells: string[];
}

function refuse(zh: string, en: string): never {
  throw new DxError('BAD_INPUT', `${zh} / ${en}`, { issues: [{ path: [0], message: zh }], messageEn: en });
}

const damaged = (): never => refuse('无法读取 Excel 文件：文件已损坏或不是 .xlsx 文件', 'cannot read the Excel file: it is damaged or not an .xlsx file');

/** "XFD" → 16384; undefined when the text is not a column name. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Z]{1,3}$/.test(letters)) return undefined;
  let value = 0;
  for (const letter of letters) value = value * 26 + (letter.charCodeAt(0) - 64);
  return value;
}

function parseRef(ref: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  const column = columnNumber(match[1] as string);
  return column === undefined ? undefined : { column, row: Number(match[2]) };
}

interface OpenedZip {
  zip: ZipFile;
  entries: Map<string, Entry>;
}

async function openZip(bytes: Uint8Array, limits: SpreadsheetLimits): Promise<OpenedZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return damaged();
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    refuse(`Excel 文件含有 ${zip.entryCount} 个部件，超过上限 ${limits.maxEntries}`, `the Excel file has ${zip.entryCount} parts, over the limit of ${limits.maxEntries}`);
  }
  const entries = new Map<string, Entry>();
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        refuse(
          `Excel 文件解压后超过 ${formatMegabytes(limits.maxUncompressedBytes)}，已拒绝`,
          `the Excel file unpacks to more than ${formatMegabytes(limits.maxUncompressedBytes)}; refused`,
        );
      }
      entries.set(entry.fileName, entry);
    }
  } catch (error) {
    zip.close();
    if (error instanceof DxError) throw error;
    return damaged();
  }
  return { zip, entries };
}

/** Streams one entry's XML through saxes, counting inflated bytes against the shared budget. */
async function parseEntry(opened: OpenedZip, name: string, budget: { left: number; limit: number }, onTag: (parser: SaxesParser) => void): Promise<void> {
  const entry = opened.entries.get(name);
  if (!entry) damaged();
  let stream: Readable;
  try {
    stream = await opened.zip.openReadStreamPromise(entry as Entry);
  } catch {
    return damaged();
  }
  const parser = new SaxesParser();
  onTag(parser);
  try {
    stream.setEncoding('utf8');
    for await (const chunk of stream as AsyncIterable<string>) {
      budget.left -= Buffer.byteLength(chunk);
      if (budget.left < 0) {
        stream.destroy();
        refuse(`Excel 文件解压后超过 ${formatMegabytes(budget.limit)}，已拒绝`, `the Excel file unpacks to more than ${formatMegabytes(budget.limit)}; refused`);
      }
      parser.write(chunk);
    }
    parser.close();
  } catch (error) {
    stream.destroy();
    if (error instanceof DxError) throw error;
    damaged();
  }
}

/** The path inside the zip of the workbook's first sheet. */
async function firstSheetPath(opened: OpenedZip, budget: { left: number; limit: number }): Promise<string> {
  let relationId: string | undefined;
  await parseEntry(opened, 'xl/workbook.xml', budget, (parser) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (relationId === undefined && localName(tag.name) === 'sheet') {
        const attribute = Object.entries(tag.attributes).find(([key]) => key === 'r:id' || key.endsWith(':id'));
        relationId = attribute?.[1];
      }
    });
  });
  if (relationId === undefined) refuse('Excel 文件中没有工作表', 'the Excel file has no worksheet');
  let target: string | undefined;
  if (opened.entries.has('xl/_rels/workbook.xml.rels')) {
    await parseEntry(opened, 'xl/_rels/workbook.xml.rels', budget, (parser) => {
      parser.on('opentag', (tag: SaxesTagPlain) => {
        if (localName(tag.name) === 'Relationship' && tag.attributes.Id === relationId) target = tag.attributes.Target;
      });
    });
  }
  if (target === undefined) return damaged();
  const resolved = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  return opened.entries.has(resolved) ? resolved : damaged();
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Shared strings: the text of each <si>, its runs joined, phonetic guides (<rPh>) left out. */
async function readSharedStrings(opened: OpenedZip, budget: { left: number; limit: number }): Promise<string[]> {
  const strings: string[] = [];
  if (!opened.entries.has('xl/sharedStrings.xml')) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parseEntry(opened, 'xl/sharedStrings.xml', budget, (parser) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    });
    parser.on('text', (text: string) => {
      if (inText && current) current.push(text);
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      }
    });
  });
  return strings;
}

function numberText(raw: string): string {
  const value = Number(raw);
  // Numbers print as written, without Excel's display format ("1,200", "1.2E+3"): phone numbers, households.
  return Number.isFinite(value) ? String(value) : raw;
}

export async function readFirstSheet(bytes: Uint8Array, limits: SpreadsheetLimits = spreadsheetLimits): Promise<SheetRow[]> {
  const opened = await openZip(bytes, limits);
  try {
    const budget = { left: limits.maxUncompressedBytes, limit: limits.maxUncompressedBytes };
    if (!opened.entries.has('xl/workbook.xml')) damaged();
    const sheetPath = await firstSheetPath(opened, budget);
    const shared = await readSharedStrings(opened, budget);
    const rows: SheetRow[] = [];
    let row: SheetRow | null = null;
    let rowNumber = 0;
    let cell: { column: number; type: string; text: string[] } | null = null;
    let nextColumn = 1;
    let collecting = false;
    const outOfRange = (ref: string, what: 'row' | 'column'): never =>
      what === 'row'
        ? refuse(`单元格 ${ref} 超出范围：最多读取 ${limits.maxRows} 行`, `cell ${ref} is out of range: at most ${limits.maxRows} rows are read`)
        : refuse(`单元格 ${ref} 超出范围：最多读取 ${limits.maxColumns} 列`, `cell ${ref} is out of range: at most ${limits.maxColumns} columns are read`);
    await parseEntry(opened, sheetPath, budget, (parser) => {
      parser.on('opentag', (tag: SaxesTagPlain) => {
        const name = localName(tag.name);
        if (name === 'row') {
          const declared = tag.attributes.r === undefined ? rowNumber + 1 : Number(tag.attributes.r);
          if (!Number.isInteger(declared) || declared < 1) damaged();
          rowNumber = declared;
          row = { line: rowNumber, cells: [] };
          nextColumn = 1;
        } else if (name === 'c' && row) {
          const ref = tag.attributes.r;
          let column = nextColumn;
          if (ref !== undefined) {
            const parsed = parseRef(ref);
            if (!parsed) damaged();
            if ((parsed as { row: number }).row > limits.maxRows) outOfRange(ref, 'row');
            column = (parsed as { column: number }).column;
          }
          if (column > limits.maxColumns) outOfRange(ref ?? `column ${column}`, 'column');
          if (rowNumber > limits.maxRows) outOfRange(ref ?? `row ${rowNumber}`, 'row');
          cell = { column, type: tag.attributes.t ?? 'n', text: [] };
          nextColumn = column + 1;
        } else if ((name === 'v' || name === 't') && cell) {
          collecting = true;
        }
      });
      parser.on('text', (text: string) => {
        if (collecting && cell) cell.text.push(text);
      });
      parser.on('closetag', (tag: SaxesTagPlain) => {
        const name = localName(tag.name);
        if (name === 'v' || name === 't') collecting = false;
        else if (name === 'c' && cell && row) {
          const raw = cell.text.join('');
          const text =
            cell.type === 's' ? (shared[Number(raw)] ?? '') : cell.type === 'n' ? numberText(raw) : cell.type === 'b' ? (raw === '1' ? 'true' : 'false') : raw;
          if (text !== '') {
            while ((row as SheetRow).cells.length < cell.column - 1) (row as SheetRow).cells.push('');
            (row as SheetRow).cells[cell.column - 1] = text;
          }
          cell = null;
        } else if (name === 'row' && row) {
          // A far row with no cells named it: refuse it by its number, before keeping anything of it.
          if (row.line > limits.maxRows) {
            refuse(`第 ${row.line} 行超出范围：最多读取 ${limits.maxRows} 行`, `row ${row.line} is out of range: at most ${limits.maxRows} rows are read`);
          }
          rows.push(row);
          row = null;
        }
      });
    });
    const width = rows.reduce((widest, each) => Math.max(widest, each.cells.length), 0);
    for (const each of rows) while (each.cells.length < width) each.cells.push('');
    return rows;
  } finally {
    opened.zip.close();
  }
}
