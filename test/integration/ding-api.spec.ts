// The 平安鼎 procedures through the dispatcher, as the dashboards call them, on the demo data.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DingTableResult, DistrictDashboard, FileDownload } from '@shared/api/procedures/ding';
import { testCore } from '../helpers/core';
import { nodePlatform } from '../../electron/main/platform/platform';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../helpers/keys';
import { actorWith, anyone, asInspector } from '../helpers/actors';
import type { Caller } from '../../electron/main/api/dispatch';

type Core = Awaited<ReturnType<typeof testCore>>;

const asCity: Caller = { actor: actorWith('市指挥部刘', 'city') };

async function call<T>(core: Core, name: string, input: unknown, caller: Caller = anyone): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, caller);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

describe('Ding API', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore({ platform: nodePlatform({ keyStore: new PassphraseKeyStore('correct horse battery staple') }) });
    await makeKeys(core, 'correct horse battery staple');
    await call(core, 'demo.load', {});
  }, 120_000);

  it('gives the newest cycle by default, every known cycle, and last cycle’s grades', async () => {
    const table = await call<DingTableResult>(core, 'ding.table', {});
    expect(table.cycle).toBe(2026);
    expect(table.cycles).toEqual([2026, 2025, 2024, 2023]);
    expect(table.rows).toHaveLength(15);
    expect(table.previous).toHaveLength(15);
    expect(table.previous.find((entry) => entry.district === '420102')?.grade).toBe('silver');
  });

  it('gives a district’s dashboard: stars by kind, coverage over cycles, changes, rectifications, nearest units', async () => {
    const dashboard = await call<DistrictDashboard>(core, 'ding.district', { district: '420102', cycle: 2026 });
    expect(dashboard.row).toMatchObject({ district: '420102', grade: 'gold', rank: expect.any(Number) });
    const units = dashboard.starsByKind.reduce((sum, entry) => sum + entry.units, 0);
    expect(units).toBe(dashboard.row.inScopeUnits);
    expect(dashboard.coverageByCycle.map((entry) => entry.cycle)).toEqual([2023, 2024, 2025, 2026]);
    expect(dashboard.coverageByCycle.at(-1)).toMatchObject({ coverage: dashboard.row.coverage, grade: 'gold' });
    expect(dashboard.changesByCycle.some((entry) => entry.promotions > 0)).toBe(true);
    expect(dashboard.inputsHistory).toHaveLength(1);
    for (const unit of dashboard.nearestNextStar) {
      expect(unit.nextStars).toBe(unit.stars + 1);
      expect(unit.gap).toBeGreaterThanOrEqual(0);
    }
    expect(dashboard.nearestNextStar.map((unit) => unit.gap)).toEqual([...dashboard.nearestNextStar.map((unit) => unit.gap)].sort((a, b) => a - b));
  });

  it('refuses an unknown district', async () => {
    expect(await core.dispatcher.dispatch('ding.district', { district: '999999' }, anyone)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('records inputs from the city office’s entry form, with who entered them, and refuses other roles', async () => {
    const aspects = { politicalStability: 80, publicOrder: 80, economicOrder: 80, workSafety: 80, foodDrugSafety: 80, ecology: 80, grassrootsGovernance: 80, livelihood: 80 };
    const document = { format: 'dingxing.district-inputs/1', cycle: 2026, districts: [{ district: '4201JK', ruleOfLaw: 80, aspects, veto: false, previousGrade: 'bronze' }] };
    expect(await core.dispatcher.dispatch('ding.inputs.record', document, asInspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await call(core, 'ding.inputs.record', document, asCity);
    const current = await call<{ district: string; enteredBy: string; source: string }[]>(core, 'ding.inputs.current', { cycle: 2026 });
    expect(current.find((entry) => entry.district === '4201JK')).toMatchObject({ source: 'form', enteredBy: 'test:市指挥部刘' });
  });

  it('exports a filtered units list as a workbook', async () => {
    const file = await call<FileDownload>(core, 'exports.unitsXlsx', { district: '420105', stars: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const expected = await call<{ total: number }>(core, 'units.list', { district: '420105', stars: 3, limit: 1 });
    expect(sheet.rowCount).toBe(expected.total + 1);
    sheet.eachRow((row, index) => {
      if (index > 1) expect(row.getCell(9).value).toBe(3);
    });
  });

  it('makes the signed district summary for the city office, and refuses inspectors and districts without inputs', async () => {
    const file = await call<FileDownload>(core, 'summary.district', { district: '420102', cycle: 2026 }, asCity);
    expect(file).toMatchObject({ fileName: '江岸区-2026年度平安鼎总结报告.pdf', mime: 'application/pdf' });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await core.dispatcher.dispatch('summary.district', { district: '420102' }, asInspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatcher.dispatch('summary.district', { district: '420113', cycle: 2023 }, asCity)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'no-inputs' } } });
  });

  it('draws and signs the summaries in a worker, with progress, and brings a refusal back from it', async () => {
    const worker = await testCore({ dbFile: core.services.dbFile, jobMode: 'worker', platform: nodePlatform({ keyStore: new PassphraseKeyStore('correct horse battery staple') }) });
    const progress: { done: number; total: number }[] = [];
    const stop = worker.dispatcher.onProgress((event) => {
      if (event.jobId === 'city-summary') progress.push({ done: event.done, total: event.total });
    });
    const result = await worker.dispatcher.dispatch('summary.city', { cycle: 2026 }, asCity, 'city-summary');
    stop();
    const file = (result.ok ? result.value : null) as FileDownload | null;
    expect(file?.fileName).toBe('武汉市-2026年度平安鼎评定报告.pdf');
    expect(Buffer.from(file?.contentBase64 ?? '', 'base64').includes(Buffer.from('/ByteRange'))).toBe(true);
    // Pages drawn, then the signature as the last step: done only once the file is signed.
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((event, index) => index === 0 || event.done >= (progress[index - 1]?.done ?? 0))).toBe(true);
    expect(await worker.dispatcher.dispatch('summary.district', { district: '420113', cycle: 2023 }, asCity)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'no-inputs' } } });

    // A district's report says the pages drawn of about how many, then the signature.
    const pages: { done: number; total: number; message?: string }[] = [];
    const stopPages = worker.dispatcher.onProgress((event) => {
      if (event.jobId === 'district-summary') pages.push({ done: event.done, total: event.total, ...(event.message ? { message: event.message } : {}) });
    });
    const district = await worker.dispatcher.dispatch('summary.district', { district: '420102', cycle: 2026 }, asCity, 'district-summary');
    stopPages();
    expect(district.ok).toBe(true);
    const drawing = pages.filter((event) => event.message === 'pages');
    expect(drawing.length).toBeGreaterThan(2);
    expect(drawing.at(-1)?.total).toBeGreaterThan(2);
    expect(pages.at(-1)).toMatchObject({ message: 'sign' });
    expect(pages.at(-1)?.done).toBe(pages.at(-1)?.total);
  }, 120_000);
});
