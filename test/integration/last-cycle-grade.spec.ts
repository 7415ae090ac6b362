// Last cycle's 平安鼎 grade has one definition (docs/ding.md): the engine's grade for the previous cycle, run on that
// cycle's inputs, where the database has them; else the grade recorded with this cycle's inputs. The table, the
// district dashboard, both summary PDFs and the Excel export all show it, and the one-grade rule uses it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DingRow } from '@shared/domain/ding-evaluation';
import { contextOf } from '../helpers/context';
import { cliActor } from '../../electron/main/cli/cli-actor';
import { generateDemo } from '../../electron/main/demo/generate-demo';
import { appendInputs, currentInputs } from '../../electron/main/ding/inputs-store';
import { dingTable } from '../../electron/main/ding/ding-table';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { nodePlatform } from '../../electron/main/platform/platform';
import type { Core } from '../../electron/main/host/core';
import { anyone } from '../helpers/actors';
import { testCore } from '../helpers/core';
import { makeKeys } from '../helpers/keys';
import { tempDir } from '../helpers/temp';

const passphrase = 'last cycle grade passphrase';
const clock = () => new Date('2026-12-10T09:00:00Z');
/** A district graded silver or better in 2025 whose 2026 composite reaches above bronze: its 2026 inputs are entered again saying it had no grade in 2025. */
let climber = '';
const gradeWords: Record<string, string> = { none: '无', bronze: '铜鼎', silver: '银鼎', gold: '金鼎' };
let core: Core;
let dir: string;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, anyone);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

async function pdfText(name: string, input: unknown): Promise<string> {
  const { contentBase64 } = await call<{ contentBase64: string }>(name, input);
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, Buffer.from(contentBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  dir = tempDir();
  core = await testCore({ platform: nodePlatform({ keyStore: new PassphraseKeyStore(passphrase), fontsDir: path.resolve('build/fonts'), now: clock }) });
  await makeKeys(core, passphrase);
  generateDemo(contextOf(core, cliActor(), clock), { units: 300, seed: 7 });
  const before = dingTable(core.services.db, 2025).rows;
  const climbing = dingTable(core.services.db, 2026).rows.find((row) => ['silver', 'gold'].includes(row.compositeGrade ?? '') && ['silver', 'gold'].includes(before.find((other) => other.district === row.district)?.grade ?? ''));
  if (!climbing) throw new Error('the demo has no district above bronze in both cycles');
  climber = climbing.district;
  const entered = currentInputs(core.services.db, 2026).get(climber)!;
  // What a clerk typed by mistake: no grade last cycle, while the engine graded the district silver or gold in 2025.
  appendInputs(core.services.db, 2026, [{ district: climber, ruleOfLaw: entered.ruleOfLaw, aspects: entered.aspects, veto: false, vetoReason: null, previousGrade: 'none' }], {
    workstationId: core.services.workstation.id,
    enteredBy: 'test',
    source: 'test',
    now: new Date('2026-12-09T09:00:00Z'),
  });
}, 300_000);

describe('last cycle’s grade', () => {
  it('is the engine’s grade for 2025 where 2025 was evaluated, and the one-grade rule uses it', async () => {
    const table = await call<{ rows: DingRow[]; previous: { district: string; grade: string | null }[] }>('ding.table', { cycle: 2026 });
    const last = await call<{ rows: DingRow[] }>('ding.table', { cycle: 2025 });
    const row = table.rows.find((entry) => entry.district === climber) as DingRow;
    const lastGrade = last.rows.find((entry) => entry.district === climber)?.grade;
    expect(row).toMatchObject({ previousGrade: lastGrade, previousGradeSource: 'evaluation' });
    // Typed 'none' would cap the grade at bronze; the engine's last-cycle grade lets it rise a grade above that instead.
    expect(['silver', 'gold']).toContain(row.grade);
    expect(row.grade).toBe(row.compositeGrade === 'gold' && lastGrade === 'silver' ? 'gold' : row.compositeGrade);
    for (const entry of table.rows) {
      const before = last.rows.find((other) => other.district === entry.district) as DingRow;
      expect({ district: entry.district, previous: entry.previousGrade }).toEqual({ district: entry.district, previous: before.evaluated ? before.grade : entry.evaluated ? entry.previousGrade : null });
      expect(table.previous.find((other) => other.district === entry.district)?.grade).toBe(entry.previousGrade);
    }
  });

  it('reads the same in the table, the dashboard, the district summary (both pages), the city report and Excel', { timeout: 240_000 }, async () => {
    const table = await call<{ rows: DingRow[] }>('ding.table', { cycle: 2026 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await call<{ contentBase64: string }>('exports.dingXlsx', { cycle: 2026 })).contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const excel = new Map<string, string>();
    sheet.eachRow((line, index) => {
      if (index > 1) excel.set(String(line.getCell(headers.indexOf('区县代码')).value), String(line.getCell(headers.indexOf('上年度')).value ?? '—'));
    });
    const city = (await pdfText('summary.city', { cycle: 2026 })).split('\n');

    const evaluated = table.rows.filter((row) => row.evaluated);
    expect(evaluated.length).toBeGreaterThan(10);
    for (const row of [table.rows.find((entry) => entry.district === climber) as DingRow, ...evaluated.slice(0, 3)]) {
      const expected = row.previousGrade === null ? '—' : (gradeWords[row.previousGrade] as string);
      const dashboard = await call<{ row: DingRow }>('ding.district', { district: row.district, cycle: 2026 });
      expect(dashboard.row.previousGrade).toBe(row.previousGrade);
      expect(excel.get(row.district)).toBe(expected);
      const cityLine = city.find((line) => line.includes(` ${row.name} `)) ?? '';
      expect({ district: row.district, grades: cityLine.match(/金鼎|银鼎|铜鼎|无|—/g)?.slice(0, 1) }).toEqual({ district: row.district, grades: [expected] });
      const summary = (await pdfText('summary.district', { district: row.district, cycle: 2026 })).replace(/\s+/g, ' ');
      expect(summary).toContain(`上年度评定 ${expected}`);
      expect(summary).toMatch(new RegExp(`平安鼎 ${expected}(（录入）)? →`));
    }
  });
});
