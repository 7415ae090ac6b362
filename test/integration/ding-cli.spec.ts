// `dingxing ding inputs import`, `dingxing ding [--json] [--xlsx]` and `units list --xlsx`: the table, refusals naming every problem, workbooks read back.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const aspects = { politicalStability: 90, publicOrder: 88, economicOrder: 91, workSafety: 87, foodDrugSafety: 90, ecology: 85, grassrootsGovernance: 93, livelihood: 89 };

async function setup() {
  const dir = tempDir();
  const db = path.join(dir, 'd.sqlite');
  expect((await cli('init', '--db', db)).code).toBe(0);
  const raw = new BetterSqlite3(db);
  const stamp = '2026-01-01T00:00:00.000Z';
  // 汉阳区: 4 in-scope units, 3 starred in 2026 (75%); one named like a formula.
  ['=HYPERLINK("http://x")', '+汉阳物流', '-汉阳社区', '@汉阳村'].forEach((name, index) => {
    const id = `u${index}`;
    raw.prepare(`INSERT INTO units (id, workstation_id, name, kind, district_code, current_stars, created_at, updated_at) VALUES (?, 'ws', ?, 'enterprise', '420105', ?, ?, ?)`).run(id, name, index < 3 ? 3 : 0, stamp, stamp);
    if (index < 3) {
      raw.prepare(`INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, vetoed, created_at) VALUES (?, ?, 2026, 3, 2, '2026-05-01', 0, ?)`).run(`h${index}`, id, stamp);
      // The stars it holds by cycle, as star-history.ts keeps them beside each decision.
      raw.prepare(`INSERT INTO unit_stars_by_cycle (unit_id, cycle, stars, awarded_cycle, district_code, kind, in_scope) VALUES (?, 2026, 3, 2026, '420105', 'enterprise', 1), (?, 2027, 3, 2026, '420105', 'enterprise', 1)`).run(id, id);
    }
  });
  raw.close();
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const count = () => {
    const check = new BetterSqlite3(db, { readonly: true });
    const n = check.prepare('SELECT count(*) FROM district_inputs').pluck().get() as number;
    check.close();
    return n;
  };
  return { dir, db, write, count };
}

const doc = (districts: unknown[], cycle = 2026) => ({ format: 'dingxing.district-inputs/1', cycle, districts });
const hanyang = { district: '420105', ruleOfLaw: 92, aspects, veto: false, previousGrade: 'bronze' };

describe('dingxing ding inputs import', () => {
  it('records the contract example and the table shows the decision', async () => {
    const { db, write } = await setup();
    const imported = await cli('ding', 'inputs', 'import', write('in.json', doc([hanyang])), '--db', db, '--json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.json<{ cycle: number; recorded: { district: string }[] }>()).toMatchObject({ cycle: 2026, recorded: [{ district: '420105' }] });

    const table = await cli('ding', '--db', db, '--json');
    expect(table.code).toBe(0);
    const rows = table.json<Record<string, unknown>[]>();
    expect(rows).toHaveLength(15);
    // 综治 = mean(90, 88, 91, 87, 90, 85, 93, 89) = 89.125 → 89.13; composite = 46 + 26.739 + 15 = 87.739 → 87.74
    expect(rows[0]).toMatchObject({ district: '420105', name: '汉阳区', inScopeUnits: 4, starredUnits: 3, coverage: 0.75, zongzhi: 89.13, composite: 87.74, eligible: true, grade: 'bronze', decidedBy: 'composite' });
    expect(Object.keys(rows[0] as object).slice(0, 10)).toEqual(['district', 'name', 'inScopeUnits', 'starredUnits', 'coverage', 'zongzhi', 'composite', 'eligible', 'grade', 'decidedBy']);
    expect(rows.find((row) => row.district === '420102')).toMatchObject({ evaluated: false, eligible: false, grade: 'none', decidedBy: null });

    const human = await cli('ding', '--db', db, '--cycle', '2026');
    expect(human.stdout).toContain('汉阳区 420105');
    expect(human.stdout).toContain('87.74');
    expect(human.stdout).toContain('未评定 not evaluated');
  });

  it('lets a later entry for the same district and cycle supersede the earlier one, keeping both', async () => {
    const { db, write, count } = await setup();
    await cli('ding', 'inputs', 'import', write('a.json', doc([hanyang])), '--db', db);
    await cli('ding', 'inputs', 'import', write('b.json', doc([{ ...hanyang, district: '汉阳', veto: true, vetoReason: '发生重大事故' }])), '--db', db);
    expect(count()).toBe(2);
    const row = (await cli('ding', '--db', db, '--json')).json<Record<string, unknown>[]>().find((entry) => entry.district === '420105');
    expect(row).toMatchObject({ veto: true, vetoReason: '发生重大事故', eligible: false, decidedBy: 'veto' });
  });

  it('refuses a file with every problem named and writes nothing', async () => {
    const { db, write, count } = await setup();
    const { ecology: _missing, ...sevenAspects } = aspects;
    const bad = doc([
      { ...hanyang, district: '420199' },
      { ...hanyang, district: '江岸区', ruleOfLaw: 101 },
      { ...hanyang, district: '420103', aspects: sevenAspects },
      { ...hanyang, district: '汉阳区', previousGrade: 'platinum' },
    ]);
    const run = await cli('ding', 'inputs', 'import', write('bad.json', bad), '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('未写入任何内容');
    expect(run.stderr).toContain('第 1 个区县 district：没有这个区县“420199”');
    expect(run.stderr).toContain('districts[0].district: no such district "420199"');
    expect(run.stderr).toContain('第 2 个区县 ruleOfLaw：不能大于 100');
    expect(run.stderr).toContain('第 3 个区县 aspects.ecology：缺少此项');
    expect(run.stderr).toContain('districts[3].previousGrade: must be one of none, bronze, silver, gold');
    expect(count()).toBe(0);
  });

  it('refuses a cycle without any assessments', async () => {
    const { db, write, count } = await setup();
    const run = await cli('ding', 'inputs', 'import', write('c.json', doc([hanyang], 2019)), '--db', db, '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2019 年度还没有任何评定结果');
    expect(run.json<{ error: { code: string; details: { issues: { path: unknown[] }[] } } }>().error).toMatchObject({ code: 'BAD_INPUT', details: { issues: [{ path: ['cycle'] }] } });
    expect(count()).toBe(0);
  });

  it('refuses a file that is not JSON, naming it in both languages', async () => {
    const { db, write, count } = await setup();
    const run = await cli('ding', 'inputs', 'import', write('e.json', '{ "format": '), '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('无法读取区县考评数据文件');
    expect(run.stderr).toContain('is not valid JSON');
    expect(count()).toBe(0);
  });

  it('refuses a duplicate district and a wrong format', async () => {
    const { db, write, count } = await setup();
    const run = await cli('ding', 'inputs', 'import', write('d.json', { ...doc([hanyang, { ...hanyang, district: '汉阳区' }]), format: 'dingxing.district-inputs/2' }), '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('format 应为 "dingxing.district-inputs/1"');
    expect(run.stderr).toContain('汉阳区 重复，已在第 1 个区县出现');
    expect(count()).toBe(0);
  });
});

async function readSheet(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  return { sheet, rows };
}

describe('Excel exports', () => {
  it('writes the Ding table with Chinese headers', async () => {
    const { db, dir, write } = await setup();
    await cli('ding', 'inputs', 'import', write('in.json', doc([hanyang])), '--db', db);
    const file = path.join(dir, 'ding.xlsx');
    const run = await cli('ding', '--db', db, '--xlsx', file);
    expect(run.code).toBe(0);
    const { sheet, rows } = await readSheet(file);
    expect(sheet.name).toBe('2026年度平安鼎');
    const header = (rows[0]?.values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual(['排名', '区县代码', '区县', '参评单位数', '星级单位数', '覆盖率', '依法治国得分']);
    expect(header).toContain('综合得分');
    expect(rows).toHaveLength(16);
    const first = rows[1] as ExcelJS.Row;
    expect(first.getCell(3).value).toBe('汉阳区');
    expect(first.getCell(6).value).toBe(0.75);
    expect(first.getCell(6).numFmt).toBe('0.00%');
    expect(first.getCell(header.indexOf('综合得分') + 1).value).toBe(87.74);
    expect(first.getCell(header.length).value).toBe('综合得分');
  });

  it('writes a filtered units list, keeping formula-looking names as text', async () => {
    const { db, dir } = await setup();
    const file = path.join(dir, 'units.xlsx');
    const ok = await cli('units', 'list', '--db', db, '--district', '汉阳区', '--xlsx', file, '--limit', '1');
    expect(ok.code).toBe(0);
    const { rows } = await readSheet(file);
    expect((rows[0]?.values as unknown[]).slice(1, 10)).toEqual(['单位名称', '统一社会信用代码', '所属区', '单位类型', '行业', '街道', '地址', '是否参评', '当前星级']);
    expect(rows).toHaveLength(5); // every match, not only --limit
    const names = rows.slice(1).map((row) => row.getCell(1));
    expect(names.map((cell) => cell.value).sort()).toEqual(['+汉阳物流', '-汉阳社区', '=HYPERLINK("http://x")', '@汉阳村']);
    for (const cell of names) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    }
  });

  it('refuses an output file it cannot write', async () => {
    const { db } = await setup();
    const run = await cli('ding', '--db', db, '--xlsx', '/nonexistent-folder/ding.xlsx');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('无法写入文件');
  });
});
