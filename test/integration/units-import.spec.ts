// `dingxing units import`: encodings, header languages, XLSX, every kind of bad row, all-or-nothing, exit codes.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { UnitImportReport } from '@shared/api/procedures/units';
import { formatMegabytes, maxImportFileBytes } from '@shared/limits';
import { cli } from '../helpers/cli';
import { tempDbFile, tempDir } from '../helpers/temp';

const fixtures = path.resolve('test/fixtures/units');
const header = 'name,kind,industry,district,street,address,uscc,households,contact,phone';

function count(dbFile: string, sql = 'SELECT count(*) FROM units'): number {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

function writeFile(name: string, content: string | Uint8Array): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

async function importJson(dbFile: string, file: string) {
  const run = await cli('units', 'import', file, '--db', dbFile, '--json');
  return { ...run, report: run.stdout ? run.json<UnitImportReport>() : undefined };
}

describe('units import: encodings and header languages', () => {
  it('imports a UTF-8 file with Chinese headers, matching districts by name, short name, code and zone alias', async () => {
    const dbFile = tempDbFile();
    const { code, report } = await importJson(dbFile, path.join(fixtures, 'units-zh.utf8.csv'));
    expect(code).toBe(0);
    expect(report?.imported).toBe(5);
    expect(report?.errors).toEqual([]);
    expect(report?.encoding).toBe('utf-8');
    expect(count(dbFile, "SELECT district_code FROM units WHERE name = '汉阳区四新社区'")).toBe('420105');
    expect(count(dbFile, "SELECT district_code FROM units WHERE name = '东湖高新区光谷银行支行'")).toBe('4201DH');
    expect(count(dbFile, "SELECT industry FROM units WHERE name = '东湖高新区光谷银行支行'")).toBe('finance');
    expect(count(dbFile, 'SELECT count(*) FROM streets')).toBe(5);
  });

  it('imports the same file saved as GBK (Excel on Chinese Windows) with the same result', async () => {
    const dbFile = tempDbFile();
    const { code, report } = await importJson(dbFile, path.join(fixtures, 'units-zh.gbk.csv'));
    expect(code).toBe(0);
    expect(report?.encoding).toBe('gb18030');
    expect(report?.imported).toBe(5);
    expect(count(dbFile, "SELECT count(*) FROM units WHERE name = '新洲区徐古镇三合村' AND households = 560 AND kind = 'village'")).toBe(1);
  });

  it('imports UTF-8 with a BOM', async () => {
    const dbFile = tempDbFile();
    const utf8 = fs.readFileSync(path.join(fixtures, 'units-zh.utf8.csv'));
    const file = writeFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
    const { code, report } = await importJson(dbFile, file);
    expect(code).toBe(0);
    expect(report?.encoding).toBe('utf-8-bom');
    expect(count(dbFile, "SELECT count(*) FROM units WHERE name = '武汉顺丰速运有限公司江岸分部'")).toBe(1);
  });

  it('imports English headers and values, households with a thousands separator', async () => {
    const dbFile = tempDbFile();
    const { code, report } = await importJson(dbFile, path.join(fixtures, 'units-en.utf8.csv'));
    expect(code).toBe(0);
    expect(report?.imported).toBe(3);
    expect(count(dbFile, "SELECT households FROM units WHERE name = 'Dongxihu Village One'")).toBe(1200);
  });

  it('refuses UTF-16 and undecodable bytes, naming the encoding problem', async () => {
    const dbFile = tempDbFile();
    const utf16 = writeFile('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n`, 'utf16le')]));
    const run = await cli('units', 'import', utf16, '--db', dbFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('UTF-16');
    const garbage = writeFile('bad.csv', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xff, 0xff, 0x0a]));
    const bad = await importJson(dbFile, garbage);
    expect(bad.code).toBe(1);
    expect(bad.report?.errors[0]?.message).toContain('编码');
    // A file refused whole is refused before the database is even opened.
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('imports an .xlsx worksheet, reporting worksheet row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRow(['名称', '类型', '行业', '区', '街道', '地址', '统一社会信用代码', '户数', '联系人', '电话']);
    sheet.addRow(['汉阳钢厂', '企业', '', '汉阳区', '建桥街道', '', '91420105MA4K00027Q', '', '', '']);
    sheet.addRow(['琴台社区', '社区', '', '420105', '琴断口街道', '', '', 1500, '', 13800000000]);
    const good = writeFile('units.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const dbFile = tempDbFile();
    const { code, report } = await importJson(dbFile, good);
    expect(code).toBe(0);
    expect(report?.format).toBe('xlsx');
    expect(count(dbFile, "SELECT households FROM units WHERE name = '琴台社区'")).toBe(1500);
    expect(count(dbFile, "SELECT phone FROM units WHERE name = '琴台社区'")).toBe('13800000000');

    sheet.addRow(['坏单位', '工厂', '', '汉阳区']);
    const bad = writeFile('bad.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const refused = await importJson(tempDbFile(), bad);
    expect(refused.code).toBe(1);
    expect(refused.report?.errors).toEqual([expect.objectContaining({ line: 4, column: '类型' })]);
  });
});

describe('units import: bad rows', () => {
  const good = '武汉甲公司,企业,,江岸区,,,91420102MA4K0001XG,,,';

  async function refusedRows(lines: string[], dbFile = tempDbFile()) {
    const file = writeFile('rows.csv', `${header}\n${lines.join('\n')}\n`);
    const run = await importJson(dbFile, file);
    expect(run.code).toBe(1);
    expect(count(dbFile)).toBe(0);
    return run.report as UnitImportReport;
  }

  it('reports a bad USCC with the check character it should have', async () => {
    const report = await refusedRows([good, '武汉乙公司,企业,,江岸区,,,91420102MA4K0001XA,,,']);
    expect(report.errors).toEqual([
      { line: 3, column: 'uscc', message: '统一社会信用代码校验位错误，应为 G', messageEn: expect.stringContaining('should be G') },
    ]);
  });

  it('reports an unknown district, kind and industry on their own lines', async () => {
    const report = await refusedRows([good, '丙,企业,,北京市朝阳区,,,,,,', '丁,商店,,江岸区,,,,,,', '戊,企业,餐饮,江岸区,,,,,,']);
    expect(report.errors.map((error) => [error.line, error.column])).toEqual([
      [3, 'district'],
      [4, 'kind'],
      [5, 'industry'],
    ]);
    expect(report.errors[0]?.message).toContain('北京市朝阳区');
  });

  it('reports households that are not a whole number, and empty required cells', async () => {
    const report = await refusedRows(['社区甲,社区,,江岸区,,,,12.5,,', ',企业,,江岸区,,,,,,', '乙,,,,,,,,,']);
    expect(report.errors.map((error) => [error.line, error.column])).toEqual([
      [2, 'households'],
      [3, 'name'],
      [4, 'kind'],
      [4, 'district'],
    ]);
  });

  it('reports duplicates within the file by USCC and by district and name, naming the first line', async () => {
    const report = await refusedRows([good, '武汉乙公司,企业,,江岸,,,91420102MA4K0001XG,,,', '武汉甲公司,企业,,420102,,,,,,']);
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'uscc', message: expect.stringContaining('第 2 行') }),
      expect.objectContaining({ line: 4, column: 'name', message: expect.stringContaining('第 2 行') }),
    ]);
  });

  it('reports duplicates against the registry and leaves it unchanged (all or nothing)', async () => {
    const dbFile = tempDbFile();
    expect((await importJson(dbFile, writeFile('a.csv', `${header}\n${good}\n`))).code).toBe(0);
    const file = writeFile('b.csv', `${header}\n新单位,企业,,江岸区,新街道,,,,,\n改名公司,企业,,江岸区,,,91420102MA4K0001XG,,,\n武汉甲公司,企业,,江岸区,,,,,,\n`);
    const { code, report } = await importJson(dbFile, file);
    expect(code).toBe(1);
    expect(report?.imported).toBe(0);
    expect(report?.errors.map((error) => [error.line, error.column])).toEqual([
      [3, 'uscc'],
      [4, 'name'],
    ]);
    expect(count(dbFile)).toBe(1);
    expect(count(dbFile, 'SELECT count(*) FROM streets')).toBe(0);
  });

  it('refuses a file over the one size limit before reading it or opening the database', async () => {
    const file = path.join(tempDir(), 'huge.csv');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, maxImportFileBytes + 1);
    const dbFile = tempDbFile();
    const run = await importJson(dbFile, file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`超过 ${formatMegabytes(maxImportFileBytes)} 的上限`);
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('refuses a spreadsheet naming a far cell at once, changing nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('单位').getCell('XFD1048576').value = 1;
    const file = writeFile('far.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const dbFile = tempDbFile();
    const run = await importJson(dbFile, file);
    expect(run.code).toBe(1);
    expect(run.report?.errors[0]?.message).toContain('XFD1048576');
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('refuses a file missing required columns, naming them', async () => {
    const dbFile = tempDbFile();
    const run = await cli('units', 'import', writeFile('cols.csv', '名称,地址\n甲,乙\n'), '--db', dbFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('缺少必需的列：类型（kind）、区（district）');
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('warns (and still imports) a community without households', async () => {
    const dbFile = tempDbFile();
    const { code, report } = await importJson(dbFile, writeFile('w.csv', `${header}\n百步亭社区,社区,,江岸区,,,,,,\n`));
    expect(code).toBe(0);
    expect(report?.warnings).toEqual([expect.objectContaining({ line: 2, column: 'households' })]);
  });

  it('prints every bad row in human form with line and reason, in Chinese and English', async () => {
    const file = writeFile('h.csv', `${header}\n${good}\n乙,企业,,江岸区,,,91420102MA4K0001XA,,,\n`);
    const run = await cli('units', 'import', file, '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第 3 行（uscc）：统一社会信用代码校验位错误，应为 G (line 3, uscc: ');
  });

  it('prints at most 50 error lines and the total; --errors FILE and --json hold every one', async () => {
    const bad = Array.from({ length: 120 }, (_, index) => `单位${index},企业,,火星区,,,,,,`);
    const file = writeFile('many.csv', `${header}\n${bad.join('\n')}\n`);
    const errorsFile = path.join(tempDir(), 'errors.csv');
    const run = await cli('units', 'import', file, '--db', tempDbFile(), '--errors', errorsFile);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(50);
    expect(run.stderr).toContain('有 120 处错误');
    expect(run.stderr).toContain(`另有 70 处错误未列出 / 70 more not shown; 全部错误已写入 ${errorsFile}`);
    const csv = fs.readFileSync(errorsFile, 'utf8');
    expect(csv.startsWith('\uFEFF行号 line,列 column,问题,problem\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(121);
    const json = await cli('units', 'import', file, '--db', tempDbFile(), '--json');
    expect(json.json<UnitImportReport>().errors).toHaveLength(120);
    expect(json.stderr).toContain('用 --errors FILE 或 --json 查看全部');
  });

  it('exits 1 for a missing file and 2 for a missing argument', async () => {
    expect((await cli('units', 'import', '/nonexistent/units.csv', '--db', tempDbFile())).code).toBe(1);
    expect((await cli('units', 'import', '--db', tempDbFile())).code).toBe(2);
  });
});

describe('units import: update mode', () => {
  it('updates units matched by USCC, else by district and name, leaves unchanged ones, adds new ones, all or nothing', async () => {
    const dbFile = tempDbFile();
    expect((await importJson(dbFile, path.join(fixtures, 'units-zh.utf8.csv'))).code).toBe(0);
    const changed = writeFile(
      'update.csv',
      [
        '名称,类型,行业,区,街道,地址,统一社会信用代码,户数,联系人,电话',
        // By USCC: the name and the phone change.
        '武汉顺丰速运有限公司江岸分公司,企业,寄递,江岸区,,,91420102MA4K0001XG,,,027-82809999',
        // By district and name: households change; the empty cells keep the address and contact.
        '汉阳区四新社区,社区,,汉阳区,四新街道,,,3300,,',
        // The same facts: unchanged.
        '新洲区徐古镇三合村,村,,新洲区,徐古镇,新洲区徐古镇三合村委会,,560,刘洋,13900000002',
        '武汉新单位有限公司,企业,,江汉区,,,,,,',
      ].join('\n'),
    );
    const refusedFirst = await importJson(dbFile, changed);
    expect(refusedFirst.code).toBe(1);
    expect(refusedFirst.report?.errors.map((error) => error.line)).toEqual([2, 3, 4]);
    const run = await cli('units', 'import', changed, '--update', '--db', dbFile, '--json');
    expect(run.code).toBe(0);
    expect(run.json<UnitImportReport>().counts).toEqual({ new: 1, update: 2, same: 1 });
    const rows = new BetterSqlite3(dbFile, { readonly: true }).prepare('SELECT name, phone, households, address, contact FROM units ORDER BY name').all();
    expect(rows).toContainEqual({ name: '武汉顺丰速运有限公司江岸分公司', phone: '027-82809999', households: null, address: '江岸区中山大道1000号', contact: '张伟' });
    expect(rows).toContainEqual({ name: '汉阳区四新社区', phone: '13800000001', households: 3300, address: '汉阳区四新大道18号', contact: '李娜' });
    expect(rows).toHaveLength(6);
    expect(count(dbFile, "SELECT count(*) FROM units WHERE name = '武汉顺丰速运有限公司江岸分部'")).toBe(0);

    // A bad row refuses the whole file: nothing of the others is changed.
    const bad = writeFile('bad-update.csv', ['名称,类型,行业,区,统一社会信用代码,户数', '汉阳区四新社区,社区,,汉阳区,,4000', '坏行,火星,,江岸区,,'].join('\n'));
    expect((await cli('units', 'import', bad, '--update', '--db', dbFile)).code).toBe(1);
    expect(count(dbFile, "SELECT households FROM units WHERE name = '汉阳区四新社区'")).toBe(3300);
  });
});
