// `dingxing score`, `rubric …` and `rescore` run in-process against a temporary database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDbFile, tempDir } from '../helpers/temp';
import { starJsonCopy } from '../unit/scoring/default-pack';

const fixture = (name: string) => path.resolve('test/fixtures/assessments', name);

function writeJson(value: unknown): string {
  const file = path.join(tempDir(), 'file.json');
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('dingxing score', () => {
  it('prints the CONTRACTS fields with --json and exits 0', async () => {
    const run = await cli('score', fixture('delivery-contract-example.json'), '--json', '--db', tempDbFile());
    expect(run.code).toBe(0);
    const result = run.json<Record<string, any>>();
    expect(result).toMatchObject({
      rubric: 'wuhan-star@2026.1',
      engine: '1.0.0',
      complete: true,
      total: 90.5,
      categories: { RES: 14.5, ORG: 10, RUL: 10, PRE: 21.5, ATR: 10, STB: 13.5, SAT: 15 },
      addOnDeduction: 4,
      vetoed: false,
      scoreStars: 4,
      awardedStars: 3,
      decidedBy: 'stepUp',
    });
    expect(result.rubricSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.trace).toContainEqual(expect.objectContaining({ item: 'PRE-5', points: -2 }));
  });

  it('accepts null for the optional ids and USCC', async () => {
    const document = JSON.parse(fs.readFileSync(fixture('delivery-contract-example.json'), 'utf8'));
    const run = await cli('score', writeJson({ ...document, id: null, unit: { ...document.unit, id: null, uscc: null } }), '--json', '--db', tempDbFile());
    expect(run.stderr).toBe('');
    expect(run.json<Record<string, any>>()).toMatchObject({ total: 90.5, awardedStars: 3 });
  });

  it('prints a readable table without --json', async () => {
    const run = await cli('score', fixture('community-complete.json'), '--db', tempDbFile());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('总分 TOTAL');
    expect(run.stdout).toContain('decidedBy');
    expect(run.stdout).toContain('SAT-1');
  });

  it('names each category and item beside its code', async () => {
    const run = await cli('score', fixture('community-complete.json'), '--db', tempDbFile());
    expect(run.stdout).toMatch(/^RES 工作责任制\s+\d/m);
    expect(run.stdout).toMatch(/^RES-1 主要负责人为平安建设第一责任人并签订责任书\s+\+\d/m);
  });

  it('caps stars at 2 when a delivery gate is below 100%', async () => {
    const run = await cli('score', fixture('delivery-gate-below-100.json'), '--json', '--db', tempDbFile());
    expect(run.json<any>()).toMatchObject({ scoreStars: 2, awardedStars: 2, decidedBy: 'gate' });
  });

  it('gives a vetoed assessment 0 stars', async () => {
    const run = await cli('score', fixture('delivery-vetoed.json'), '--json', '--db', tempDbFile());
    expect(run.json<any>()).toMatchObject({ vetoed: true, awardedStars: 0, decidedBy: 'veto' });
  });

  it('refuses missing answers with exit 1, naming every missing id', async () => {
    const run = await cli('score', fixture('delivery-missing-answers.json'), '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RES-2');
    expect(run.stderr).toContain('DLV-3');
  });

  it('scores missing answers as a draft with --draft', async () => {
    const run = await cli('score', fixture('delivery-missing-answers.json'), '--draft', '--json', '--db', tempDbFile());
    expect(run.code).toBe(0);
    expect(run.json<any>()).toMatchObject({ complete: false, missing: ['RES-2', 'DLV-3'] });
  });

  it('refuses an answer for an item that does not apply, naming it', async () => {
    const run = await cli('score', fixture('delivery-with-finance-item.json'), '--json', '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('FIN-1');
    expect(run.json<any>().error.details.issues[0].path).toEqual(['answers', 'FIN-1']);
  });

  it.each([
    ['bad JSON', '{"format": ', /not valid JSON/],
    ['a wrong format field', { ...JSON.parse(fs.readFileSync(fixture('community-complete.json'), 'utf8')), format: 'dingxing.assessment/2' }, /format/],
    ['a date that does not exist', { ...JSON.parse(fs.readFileSync(fixture('community-complete.json'), 'utf8')), assessedOn: '2026-02-30' }, /assessedOn/],
  ])('refuses %s with exit 1 and a clear message', async (_what, content, message) => {
    const run = await cli('score', writeJson(content), '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a file that does not exist with exit 1', async () => {
    const run = await cli('score', '/nonexistent/assessment.json', '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no such file');
  });

  it('refuses an unknown rubric with exit 1, naming it', async () => {
    const document = { ...JSON.parse(fs.readFileSync(fixture('community-complete.json'), 'utf8')), rubric: 'wuhan-star@2099.1' };
    const run = await cli('score', writeJson(document), '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('wuhan-star@2099.1');
  });

  it('exits 2 without a file', async () => {
    expect((await cli('score', '--db', tempDbFile())).code).toBe(2);
  });
});

describe('dingxing rubric', () => {
  it('lists the default packs', async () => {
    const run = await cli('rubric', 'list', '--json', '--db', tempDbFile());
    expect(run.json<any[]>().map((pack: any) => pack.ref).sort()).toEqual(['wuhan-ding@2026.1', 'wuhan-star@2026.1']);
  });

  it('shows a pack with its sha256', async () => {
    const run = await cli('rubric', 'show', 'wuhan-star@2026.1', '--json', '--db', tempDbFile());
    expect(run.code).toBe(0);
    expect(run.json<any>()).toMatchObject({ ref: 'wuhan-star@2026.1', sha256: '636ca29a53d9f79e453156fc27baba617d91e4a839e2bd1615c55cf40f1a9563' });
    expect(run.json<any>().pack.decision).toEqual({ maxStepUp: 1, vetoLockoutMonths: 12, inferred: true });
  });

  it('imports a new version, then treats it again as a no-op', async () => {
    const db = tempDbFile();
    const pack = starJsonCopy();
    pack.version = '2027.1';
    const file = writeJson(pack);
    expect((await cli('rubric', 'import', file, '--json', '--db', db)).json<any>().added).toBe(true);
    const again = await cli('rubric', 'import', file, '--json', '--db', db);
    expect(again.code).toBe(0);
    expect(again.json<any>().added).toBe(false);
  });

  it('refuses a changed pack under a stored id@version with exit 1', async () => {
    const pack = starJsonCopy();
    pack.addOns.cap = 10;
    const run = await cli('rubric', 'import', writeJson(pack), '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('wuhan-star@2026.1');
  });

  it('refuses an invalid pack with exit 1 and the JSON path of each problem', async () => {
    const pack = starJsonCopy();
    pack.version = '2027.2';
    pack.stars[2].min = 65;
    pack.categories[0].items[0].kind = 'bonus';
    const run = await cli('rubric', 'import', writeJson(pack), '--db', tempDbFile());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('categories.0.items.0.kind');
  });
});

describe('dingxing rescore', () => {
  it('shows old and new totals side by side under another version, changing nothing', async () => {
    const db = tempDbFile();
    const pack = starJsonCopy();
    pack.version = '2027.1';
    pack.categories[3].items[4].per = 2;
    pack.categories[3].items[4].cap = 6;
    await cli('rubric', 'import', writeJson(pack), '--db', db);
    const run = await cli('rescore', '--rubric', 'wuhan-star@2027.1', fixture('delivery-contract-example.json'), '--json', '--db', db);
    expect(run.code).toBe(0);
    const [row] = run.json<any>().rows;
    expect(row.old).toMatchObject({ rubric: 'wuhan-star@2026.1', total: 90.5 });
    expect(row.new).toMatchObject({ rubric: 'wuhan-star@2027.1', total: 88.5 });
  });

  it('exits 2 without --rubric', async () => {
    expect((await cli('rescore', '--db', tempDbFile())).code).toBe(2);
  });
});
