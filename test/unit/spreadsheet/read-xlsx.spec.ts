// The bounded .xlsx reader: reads what Excel writes (shared and inline strings, numbers, sparse
// cells), and refuses a far cell reference, a zip bomb, too many parts and a corrupt zip quickly
// with a message in both languages, never allocating what the file claims.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { DxError } from '@shared/api/errors';
import { spreadsheetLimits } from '@shared/limits';
import { readFirstSheet } from '../../../electron/main/spreadsheet/read-xlsx';

const workbookXml =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const relsXml =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** A minimal .xlsx made by hand, so a test can say anything a hostile file could. */
async function handMade(sheet: string, extra: Record<string, Buffer | string> = {}): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(workbookXml), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(relsXml), 'xl/_rels/workbook.xml.rels');
  zip.addBuffer(Buffer.from(sheet), 'xl/worksheets/sheet1.xml');
  for (const [name, content] of Object.entries(extra)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

async function refusal(promise: Promise<unknown>): Promise<DxError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DxError);
  return error as DxError;
}

describe('readFirstSheet', () => {
  it('reads what ExcelJS writes: shared strings, numbers as written, worksheet row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRow(['名称', '户数', '电话']);
    sheet.addRow([]);
    sheet.addRow(['琴台社区', 1500, 13800000000]);
    const rows = await readFirstSheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { line: 1, cells: ['名称', '户数', '电话'] },
      { line: 3, cells: ['琴台社区', '1500', '13800000000'] },
    ]);
  });

  it('places sparse cells by reference and reads inline strings and booleans', async () => {
    const bytes = await handMade(sheetXml('<row r="2"><c r="C2" t="inlineStr"><is><t>远</t></is></c><c r="A2" t="b"><v>1</v></c></row>'));
    expect(await readFirstSheet(bytes)).toEqual([{ line: 2, cells: ['true', '', '远'] }]);
  });

  it('refuses a 6 KB file with one cell at XFD1048576 at once, naming the cell', async () => {
    const bytes = await handMade(sheetXml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'));
    expect(bytes.length).toBeLessThan(6_500);
    const started = Date.now();
    const error = await refusal(readFirstSheet(bytes));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('XFD1048576');
    expect(error.message).toContain('超出范围');
    expect(error.message).toContain('out of range');
  });

  it('refuses a column past the limit in a row within it', async () => {
    const error = await refusal(readFirstSheet(await handMade(sheetXml('<row r="1"><c r="ZZ1"><v>1</v></c></row>'))));
    expect(error.message).toContain(`${spreadsheetLimits.maxColumns} 列`);
  });

  it('refuses a zip that unpacks past the limit', async () => {
    const limits = { ...spreadsheetLimits, maxUncompressedBytes: 1024 * 1024 };
    const big = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(2 * 1024 * 1024)}</t></is></c></row>`);
    const error = await refusal(readFirstSheet(await handMade(big), limits));
    expect(error.message).toContain('解压后超过 1 MB');
    expect(error.message).toContain('unpacks to more than 1 MB');
  });

  it('refuses a file with more parts than a workbook has', async () => {
    const extra = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`junk/${index}.xml`, '<a/>']));
    const error = await refusal(readFirstSheet(await handMade(sheetXml(''), extra), { ...spreadsheetLimits, maxEntries: 20 }));
    expect(error.message).toContain('超过上限 20');
  });

  it('refuses a corrupt zip in plain words, without the library’s text or a URL', async () => {
    const bytes = await handMade(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const corrupt = bytes.slice(0, bytes.length - 30);
    const error = await refusal(readFirstSheet(corrupt));
    expect(error.message).toBe('无法读取 Excel 文件：文件已损坏或不是 .xlsx 文件 / cannot read the Excel file: it is damaged or not an .xlsx file');
    expect((await refusal(readFirstSheet(new TextEncoder().encode('name,kind\n')))).message).toContain('已损坏');
  });
});
