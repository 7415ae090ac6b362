// The unit registry through the API dispatcher and `dingxing units list`: filters, paging, detail, create/update, preview and import jobs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UnitImportReport, ImportRowsPage, ImportSummary } from '@shared/api/procedures/units';
import { ImportSessions, importSessionTtlMs } from '../../electron/main/units-import/import-sessions';
import type { Core } from '../../electron/main/host/core';
import { cli } from '../helpers/cli';
import { testCore } from '../helpers/core';
import { tempDbFile } from '../helpers/temp';
import { anyone, asInspector } from '../helpers/actors';

const header = 'name,kind,industry,district,street,address,uscc,households,contact,phone';
const csv = [
  header,
  '江岸快递,企业,寄递,江岸区,大智街道,,91420102MA4K0001XG,,,',
  '江岸社区,社区,,江岸区,大智街道,,,800,,',
  '汉阳银行,企业,金融,汉阳区,,,91420105MA4K00027Q,,,',
  '新洲三合村,村,,新洲区,,,,300,,',
  '武昌医院,机关事业单位,,武昌区,,,12420106MA4K0003YL,,,',
].join('\n');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function call<T>(core: Core, name: string, input: unknown, jobId?: string): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, anyone, jobId);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

async function seeded(): Promise<Core> {
  const core = await testCore();
  await call(core, 'units.import', { fileName: 'u.csv', contentBase64: base64(csv) });
  core.services.db.prepare("UPDATE units SET current_stars = 3, last_assessed_on = '2026-11-20' WHERE name IN ('江岸快递', '武昌医院')").run();
  return core;
}

type Page = { total: number; items: { name: string; districtName: string; currentStars: number; street: string | null }[] };

describe('districts.list', () => {
  it('lists the 15 districts in order with unit counts', async () => {
    const core = await seeded();
    const districts = await call<{ code: string; unitCount: number }[]>(core, 'districts.list', {});
    expect(districts).toHaveLength(15);
    expect(districts[0]).toMatchObject({ code: '420102', name: '江岸区', unitCount: 2 });
  });

  it('seeds idempotently: opening twice leaves 15 districts', async () => {
    const dbFile = tempDbFile();
    (await testCore({ dbFile })).close();
    const again = await testCore({ dbFile });
    expect(again.services.db.prepare('SELECT count(*) FROM districts').pluck().get()).toBe(15);
  });
});

describe('units.list', () => {
  it('filters by district, kind, industry, stars and search, with the total count', async () => {
    const core = await seeded();
    const names = async (input: object) => (await call<Page>(core, 'units.list', input)).items.map((unit) => unit.name);
    expect(await names({ district: '420102' })).toEqual(['江岸快递', '江岸社区']);
    expect(await names({ kind: 'village' })).toEqual(['新洲三合村']);
    expect(await names({ industry: 'finance' })).toEqual(['汉阳银行']);
    expect((await names({ industry: 'none' })).length).toBe(3);
    expect(await names({ stars: 3, sort: 'name' })).toEqual(['江岸快递', '武昌医院'] /* pinyin: jiang before wu */);
    expect(await names({ search: '银行' })).toEqual(['汉阳银行']);
    expect(await names({ search: '12420106' })).toEqual(['武昌医院']);
    expect(await names({ search: '%' })).toEqual([]);
  });

  it('pages with offset and limit and sorts by district order', async () => {
    const core = await seeded();
    const page = await call<Page>(core, 'units.list', { limit: 2, offset: 2, sort: 'district' });
    expect(page.total).toBe(5);
    expect(page.items.map((unit) => unit.districtName)).toEqual(['汉阳区', '武昌区']);
    const desc = await call<Page>(core, 'units.list', { sort: 'stars', order: 'desc', limit: 1 });
    expect(desc.items[0]?.currentStars).toBe(3);
  });

  it('counts every match of a search, on any page, also past the last one', async () => {
    const core = await seeded();
    const firstPage = await call<Page>(core, 'units.list', { search: '江岸', limit: 1 });
    expect(firstPage.total).toBe(2);
    expect(firstPage.items.map((unit) => unit.name)).toEqual(['江岸快递']);
    const pastTheEnd = await call<Page>(core, 'units.list', { search: '江岸', limit: 1, offset: 5 });
    expect(pastTheEnd).toMatchObject({ total: 2, items: [] });
    expect(await call<Page>(core, 'units.list', { search: '没有这个单位' })).toMatchObject({ total: 0, items: [] });
  });

  it('refuses a bad filter with BAD_INPUT', async () => {
    const core = await seeded();
    await expect(call(core, 'units.list', { stars: 9 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(call(core, 'units.list', { kind: 'shop' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('units.get, create and update', () => {
  it('returns a unit with its star history, newest first', async () => {
    const core = await seeded();
    const [unit] = (await call<Page & { items: { id: string }[] }>(core, 'units.list', { search: '江岸快递' })).items;
    const insert = core.services.db.prepare(
      "INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'threshold', '2026-01-01')",
    );
    insert.run('h1', unit?.id, 2025, 2, 1, '2025-11-10');
    insert.run('h2', unit?.id, 2026, 3, 2, '2026-11-20');
    const detail = await call<{ unit: { street: string }; history: { cycle: number; vetoed: boolean }[] }>(core, 'units.get', { id: unit?.id });
    expect(detail.unit.street).toBe('大智街道');
    expect(detail.history.map((entry) => entry.cycle)).toEqual([2026, 2025]);
    expect(detail.history[0]?.vetoed).toBe(false);
    await expect(call(core, 'units.get', { id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates a unit, creating its street, and refuses a bad USCC naming the check character', async () => {
    const core = await seeded();
    const created = await call<{ id: string; districtCode: string; street: string; workstationId: string }>(core, 'units.create', {
      name: '光谷某公司', kind: 'enterprise', districtCode: '东湖高新区', street: '关东街道', uscc: '91420100ma4k0004q7',
    });
    expect(created).toMatchObject({ districtCode: '4201DH', street: '关东街道', workstationId: core.services.workstation.id });
    await expect(call(core, 'units.create', { name: '另一家', kind: 'enterprise', districtCode: '420102', uscc: '91420100MA4K0004Q1' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { issues: [{ path: ['uscc'], message: '统一社会信用代码校验位错误，应为 7 / the check character of the unified social credit code is wrong, it should be 7' }] },
    });
    await expect(call(core, 'units.create', { name: '江岸快递', kind: 'enterprise', districtCode: '420102' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('updates a unit but keeps its stars', async () => {
    const core = await seeded();
    const [unit] = (await call<{ items: { id: string }[] }>(core, 'units.list', { search: '武昌医院' })).items;
    const updated = await call<{ name: string; currentStars: number; households: number | null }>(core, 'units.update', {
      id: unit?.id, fields: { name: '武昌医院（新）', kind: 'institution', districtCode: '420106', households: null },
    });
    expect(updated).toMatchObject({ name: '武昌医院（新）', currentStars: 3 });
  });
});

describe('units.importPreview and units.import', () => {
  it('previews every row and its errors without writing anything', async () => {
    const core = await testCore();
    const summary = await call<ImportSummary>(core, 'units.importPreview', { fileName: 'p.csv', contentBase64: base64(`${csv}\n坏行,工厂,,江岸区,,,,,,`) });
    expect(summary).toMatchObject({ totalRows: 6, okRows: 5, errorCount: 1, mode: 'add', rowsTruncated: false });
    expect(summary.firstRows.items.map((row) => row.ok)).toEqual([true, true, true, true, true, false]);
    expect(summary.firstRows.errors).toEqual([expect.objectContaining({ line: 7, column: 'kind' })]);
    expect(summary.errors).toEqual([expect.objectContaining({ line: 7, column: 'kind' })]);
    expect(core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
  });

  it('answers a large preview as a summary and pages through the rest with its token', async () => {
    const core = await testCore();
    // 3,000 rows, every third one with an unknown kind: 1,000 errors.
    const rows = Array.from({ length: 3000 }, (_, index) => `单位${index},${index % 3 === 2 ? '工厂' : '企业'},,江岸区,,,,,,`);
    const summary = await call<ImportSummary>(core, 'units.importPreview', { fileName: 'big.csv', contentBase64: base64([header, ...rows].join('\n')) });
    expect(summary).toMatchObject({ totalRows: 3000, okRows: 2000, errorCount: 1000 });
    expect(summary.errors).toHaveLength(200);
    expect(summary.firstRows).toMatchObject({ total: 3000, offset: 0 });
    expect(summary.firstRows.items).toHaveLength(100);

    const page = await call<ImportRowsPage>(core, 'units.importPreviewRows', { token: summary.token, offset: 2900, limit: 500 });
    expect(page.items.map((row) => row.line)).toEqual(Array.from({ length: 100 }, (_, index) => 2902 + index));
    expect(page.errors.map((issue) => issue.line)).toEqual(page.items.filter((row) => !row.ok).map((row) => row.line));
    const bad = await call<ImportRowsPage>(core, 'units.importPreviewRows', { token: summary.token, only: 'errors', offset: 0, limit: 10 });
    expect(bad.total).toBe(1000);
    expect(bad.items.every((row) => !row.ok)).toBe(true);
    const errors = await call<{ total: number; items: { line: number }[] }>(core, 'units.importPreviewErrors', { token: summary.token, offset: 990, limit: 1000 });
    expect(errors).toMatchObject({ total: 1000, offset: 990 });
    expect(errors.items.map((issue) => issue.line)).toEqual(Array.from({ length: 10 }, (_, index) => 2974 + 3 * index));
    const download = await call<{ fileName: string; csv: string }>(core, 'units.importErrorsCsv', { token: summary.token });
    expect(download.fileName).toBe('big-错误-errors.csv');
    const lines = download.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFF行号 line,列 column,问题,problem');
    expect(lines).toHaveLength(1001);
    expect(lines[1]).toMatch(/^4,kind,未知的单位类型“工厂”/);
  });

  it('previews a file sent in pieces (files.startUpload) and lets the upload go; another user cannot use it', async () => {
    const core = await testCore();
    const bytes = Buffer.from(csv);
    const foreign = await call<{ uploadId: string }>(core, 'files.startUpload', { fileName: 'u.csv', bytes: bytes.length });
    await call(core, 'files.uploadChunk', { uploadId: foreign.uploadId, offset: 0, dataBase64: bytes.toString('base64') });
    expect(await core.dispatcher.dispatch('units.importPreview', { uploadId: foreign.uploadId }, asInspector)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const summary = await call<ImportSummary>(core, 'units.importPreview', { uploadId: foreign.uploadId, mode: 'update' });
    expect(summary).toMatchObject({ fileName: 'u.csv', totalRows: 5, okRows: 5, mode: 'update' });
    expect(await core.dispatcher.dispatch('units.importPreview', { uploadId: foreign.uploadId }, anyone)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call<UnitImportReport>(core, 'units.import', { token: summary.token })).toMatchObject({ imported: 5 });
  });

  it('imports what was previewed by its token, once, checking it again as it writes', async () => {
    const core = await testCore();
    const summary = await call<ImportSummary>(core, 'units.importPreview', { fileName: 'u.csv', contentBase64: base64(csv) });
    const report = await call<UnitImportReport>(core, 'units.import', { token: summary.token });
    expect(report).toMatchObject({ imported: 5, fileName: 'u.csv' });
    expect(core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(5);
    const again = await core.dispatcher.dispatch('units.import', { token: summary.token }, anyone);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(5);
  });

  it('refuses at import a row that became a duplicate after the preview, writing nothing', async () => {
    const core = await testCore();
    const summary = await call<ImportSummary>(core, 'units.importPreview', { fileName: 'u.csv', contentBase64: base64(csv) });
    expect(summary.errorCount).toBe(0);
    await call(core, 'units.create', { name: '江岸社区', kind: 'community', districtCode: '420102' });
    const result = await core.dispatcher.dispatch('units.import', { token: summary.token }, anyone);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: [3, 'name'] }] } } });
    expect(core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(1);
  });

  it("refuses another user's token and an expired one, naming the problem, and writes nothing", async () => {
    const core = await testCore();
    let now = Date.parse('2026-12-01T09:00:00Z');
    core.services.importSessions = new ImportSessions(() => now);
    const mine = await call<ImportSummary>(core, 'units.importPreview', { fileName: 'u.csv', contentBase64: base64(csv) });
    for (const name of ['units.import', 'units.importPreviewRows', 'units.importPreviewErrors', 'units.importErrorsCsv']) {
      const foreign = await core.dispatcher.dispatch(name, { token: mine.token }, asInspector);
      expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(foreign.ok ? '' : foreign.error.message).toContain('找不到这次导入预览');
    }
    const unknown = await core.dispatcher.dispatch('units.import', { token: 'x'.repeat(32) }, anyone);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    now += importSessionTtlMs;
    const expired = await core.dispatcher.dispatch('units.import', { token: mine.token }, anyone);
    expect(expired).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('已过期') } });
    expect(core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
  });

  it('refuses a malformed token as BAD_INPUT', async () => {
    const core = await testCore();
    expect(await core.dispatcher.dispatch('units.import', { token: 'short' }, anyone)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await core.dispatcher.dispatch('units.importPreviewRows', { token: 'x'.repeat(32), limit: 5000 }, anyone)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses a file with a bad row as BAD_INPUT with [line, column] issues and writes nothing', async () => {
    const core = await testCore();
    const result = await core.dispatcher.dispatch('units.import', { fileName: 'p.csv', contentBase64: base64(`${csv}\n坏行,工厂,,江岸区,,,,,,`) }, anyone);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: [7, 'kind'] }] } } });
    expect(core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
  });

  it('reports progress and rolls back when cancelled', async () => {
    const core = await testCore();
    const rows = Array.from({ length: 5000 }, (_, index) => `单位${index},企业,,江岸区,街道${index % 7},,,,,`);
    const events: number[] = [];
    core.dispatcher.onProgress((event) => {
      events.push(event.done);
      // One bar runs through read, check and write (per mille): stop about halfway through writing.
      if (event.message === 'write' && event.done / event.total >= 0.7) core.dispatcher.cancel('job-1');
    });
    const result = await core.dispatcher.dispatch('units.import', { fileName: 'big.csv', contentBase64: base64([header, ...rows].join('\n')) }, anyone, 'job-1');
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(events.length).toBeGreaterThan(1);
    expect(core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
    expect(core.services.db.prepare('SELECT count(*) FROM streets').pluck().get()).toBe(0);
  });

  it('runs in the worker thread when the app is built', async () => {
    const worker = path.resolve('dist/jobs-worker.mjs');
    if (!fs.existsSync(worker)) return;
    const core = await testCore({ jobMode: 'worker' });
    const report = await call<UnitImportReport>(core, 'units.import', { fileName: 'u.csv', contentBase64: base64(csv) }, 'w-1');
    expect(report.imported).toBe(5);
  });
});

describe('dingxing units list', () => {
  async function cliDb(): Promise<string> {
    const dbFile = tempDbFile();
    const file = path.join(path.dirname(dbFile), 'u.csv');
    fs.writeFileSync(file, csv);
    expect((await cli('units', 'import', file, '--db', dbFile)).code).toBe(0);
    return dbFile;
  }

  it('lists with filters as JSON and as a table', async () => {
    const dbFile = await cliDb();
    const json = await cli('units', 'list', '--db', dbFile, '--district', '420102', '--json');
    expect(json.code).toBe(0);
    expect(json.json<{ name: string; district: string; stars: number }[]>()).toMatchObject([{ name: '江岸快递', district: '420102', stars: 0 }, { name: '江岸社区' }]);
    const byKind = await cli('units', 'list', '--db', dbFile, '--kind', '村', '--json');
    expect(byKind.json<unknown[]>()).toHaveLength(1);
    expect((await cli('units', 'list', '--db', dbFile, '--stars', '0', '--json')).json<unknown[]>()).toHaveLength(5);
    expect((await cli('units', 'list', '--db', dbFile, '--search', '银行', '--json')).json<unknown[]>()).toHaveLength(1);
    const human = await cli('units', 'list', '--db', dbFile, '--district', '江岸');
    expect(human.stdout).toContain('☆☆☆☆☆ 0');
    expect(human.stdout).toContain('共 2 个单位');
  });

  it('exits 1 on an unknown district or kind and 2 on a non-number for --stars', async () => {
    const dbFile = await cliDb();
    expect((await cli('units', 'list', '--db', dbFile, '--district', '999999')).code).toBe(1);
    expect((await cli('units', 'list', '--db', dbFile, '--kind', 'shop')).code).toBe(1);
    expect((await cli('units', 'list', '--db', dbFile, '--stars', '7')).code).toBe(1);
    expect((await cli('units', 'list', '--db', dbFile, '--stars', 'many')).code).toBe(2);
  });
});
