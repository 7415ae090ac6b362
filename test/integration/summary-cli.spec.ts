// `dingxing summary`: the signed district summary and city report on the demo data, read back with poppler.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { passphrase, pdfsig, pdftotext } from './certificates/world';
import { withoutTextHalos } from '../../electron/main/summary/chart-svg';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'demo.sqlite');
  process.env.DINGXING_KEY_PASSPHRASE = passphrase;
  expect((await cli('identity', 'create', '--name', '市指挥部汇总机', '--db', db)).code).toBe(0);
  expect((await cli('demo', '--db', db)).code).toBe(0);
}, 120_000);

afterAll(() => {
  delete process.env.DINGXING_KEY_PASSPHRASE;
});

describe('dingxing summary', () => {
  it('writes a signed district summary explaining the inputs, the rule, the charts, units and changes', async () => {
    const out = path.join(dir, 'jiangan.pdf');
    const run = await cli('summary', '--district', '江岸区', '--cycle', '2026', '--out', out, '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ file: out, cycle: 2026 });
    expect(pdfsig(out)).toContain('Signature is Valid');
    const text = pdftotext(out).replace(/\s+/g, ' ');
    expect(text).toContain('江岸区 2026 年度平安鼎评定总结报告');
    expect(text).toContain('本年度评定 金鼎');
    expect(text).toContain('依法治国绩效考核 99');
    expect(text).toContain('综合得分 = 0.5 × 依法治国 99 + 0.3 × 综治 98.5 + 0.2 × 覆盖率');
    expect(text).toContain('达到 30% 的参评线');
    // Chart labels are text in the PDF (vectors, not pictures), in Chinese.
    expect(text).toContain('机关事业单位');
    expect(text).toContain('30% 参评线');
    expect(text).toMatch(/2025 年度 .*2026 年度/);
    expect(text).toContain('与上年度（2025）相比');
    expect(text).toContain('银鼎 → 金鼎');
    expect(text).toMatch(/参评单位名单（\d+ 个）/);
    // Who made it and where, by name: the command line in words, the workstation by the name people gave it.
    expect(text).toMatch(/出具 命令行（[^）]+），\d{4}-\d\d-\d\d · 工作站 市指挥部汇总机/);
    expect(text).not.toContain('cli:');
    // A page rendered for a person to look at.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', out, path.join(dir, 'jiangan-2')]);
    expect(fs.statSync(path.join(dir, 'jiangan-2.png')).size).toBeGreaterThan(10_000);
  });

  it('refuses a district without inputs for the cycle with a clear message, and writes no PDF', async () => {
    const out = path.join(dir, 'jk.pdf');
    const run = await cli('summary', '--district', '4201JK', '--cycle', '2026', '--out', out, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('武汉经济技术开发区 2026 年度还没有区县考评数据，不能生成总结报告');
    expect(run.stderr).toContain('has no district inputs for 2026');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an unknown district and a missing choice', async () => {
    expect((await cli('summary', '--district', '420199', '--out', path.join(dir, 'x.pdf'), '--db', db)).code).toBe(1);
    expect((await cli('summary', '--out', path.join(dir, 'x.pdf'), '--db', db)).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('writes the signed city report with every district', async () => {
    const out = path.join(dir, 'city.pdf');
    const run = await cli('summary', '--city', '--cycle', '2026', '--out', out, '--db', db);
    expect(run.code).toBe(0);
    expect(pdfsig(out)).toContain('Signature is Valid');
    const text = pdftotext(out).replace(/\s+/g, ' ');
    expect(text).toContain('武汉市 2026 年度平安鼎评定报告');
    for (const name of ['江岸区', '汉南区', '东湖新技术开发区', '武汉经济技术开发区']) expect(text).toContain(name);
    expect(text).toContain('金鼎 / 银鼎 / 铜鼎');
    expect(text).toContain('覆盖率不足');
    expect(text).toContain('一票否决');
  });
});

describe('chart SVG for PDFs', () => {
  it('drops the label halo svg-to-pdfkit would paint over the glyphs', () => {
    const svg = '<svg><text x="1" fill="#333" stroke="rgb(255,255,255)" stroke-width="2" paint-order="stroke" stroke-miterlimit="2">5</text><path stroke="#000" d="M0 0"/></svg>';
    expect(withoutTextHalos(svg)).toBe('<svg><text x="1" fill="#333">5</text><path stroke="#000" d="M0 0"/></svg>');
  });
});
