// The certificate commands end to end: issue, batch print, report, identity, exit codes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { assessmentDocument, passphrase, pdfsig, pdftotext } from './world';

let dir: string;
let db: string;

async function importAssessments(...documents: unknown[]): Promise<string[]> {
  const file = path.join(dir, `a-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(documents));
  const run = await cli('assessments', 'import', file, '--db', db, '--json');
  expect(run.code).toBe(0);
  return run.json<string[]>();
}

beforeEach(async () => {
  dir = tempDir();
  db = path.join(dir, 'cli.sqlite');
  process.env.DINGXING_KEY_PASSPHRASE = passphrase;
  // The keys are made once, on purpose; every other command only unlocks them.
  expect((await cli('identity', 'create', '--db', db)).code).toBe(0);
});

afterEach(() => {
  delete process.env.DINGXING_KEY_PASSPHRASE;
});

describe('dingxing certificate', () => {
  it('issues a plaque PDF, prints current ones in one batch and lists them', async () => {
    const ids = await importAssessments(assessmentDocument({ name: '批量一公司' }), assessmentDocument({ name: '批量二公司' }), assessmentDocument({ name: '开发区公司', district: '4201JK' }));
    const out = path.join(dir, 'one.pdf');
    const issued = await cli('certificate', 'issue', ids[0] as string, '--out', out, '--db', db, '--json');
    expect(issued.code).toBe(0);
    expect(issued.json()).toMatchObject({ created: true, certificate: { number: 'WH-2026-420105-000001' }, file: out });
    expect(pdfsig(out)).toContain('Signature is Valid');
    for (const id of ids.slice(1)) expect((await cli('certificate', 'issue', id, '--out', path.join(dir, `${id}.pdf`), '--db', db)).code).toBe(0);

    const batch = path.join(dir, 'batch.pdf');
    const printed = await cli('certificate', 'print', '--district', '420105', '--cycle', '2026', '--out', batch, '--db', db, '--json');
    expect(printed.code).toBe(0);
    expect(printed.json()).toMatchObject({ count: 2 });
    expect(execFileSync('pdfinfo', [batch], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    expect(pdfsig(batch)).toContain('Signature is Valid');
    const text = pdftotext(batch);
    expect(text).toContain('批量一公司');
    expect(text).toContain('批量二公司');
    expect(text).not.toContain('开发区公司');

    const listed = await cli('certificate', 'list', '--db', db, '--json');
    expect(listed.json<unknown[]>()).toHaveLength(3);
  });

  it('refuses nothing to print, a missing --out and a draft assessment with exit codes 1, 2 and 1', async () => {
    await cli('init', '--db', db);
    expect((await cli('certificate', 'print', '--cycle', '2030', '--out', path.join(dir, 'x.pdf'), '--db', db)).code).toBe(1);
    expect((await cli('certificate', 'issue', 'some-id', '--db', db)).code).toBe(2);
    const missing = await cli('certificate', 'issue', 'no-such-assessment', '--out', path.join(dir, 'x.pdf'), '--db', db);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('refuses a wrong passphrase with exit 1 and writes no file', async () => {
    const [id] = await importAssessments(assessmentDocument());
    process.env.DINGXING_KEY_PASSPHRASE = 'not the passphrase';
    const out = path.join(dir, 'wrong.pdf');
    const run = await cli('certificate', 'issue', id as string, '--out', out, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('passphrase is wrong');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('dingxing report', () => {
  it('writes a signed inspection report with every item, the result and who signed', async () => {
    const [id] = await importAssessments(assessmentDocument({ name: '报告测试公司', answers: { 'PRE-5': 2 } }));
    const out = path.join(dir, 'report.pdf');
    const run = await cli('report', id as string, '--out', out, '--db', db);
    expect(run.code).toBe(0);
    expect(pdfsig(out)).toContain('Signature is Valid');
    const text = pdftotext(out);
    for (const expected of ['星级平安单位检查报告', '报告测试公司', 'PRE-5', 'SAT-1', '评定星级', '组长（签署）']) expect(text).toContain(expected);
    // The status in the app's words, and who printed it by name rather than cli:<account>.
    expect(text.replace(/\s+/g, ' ')).toMatch(/状态 已定稿/);
    expect(text).toMatch(/组长（签署）\s+命令行（/);
    expect(text).toMatch(/报告出具\s+命令行（/);
    expect(text).not.toContain('cli:');
  });
});

describe('dingxing identity', () => {
  it('shows the fingerprint and exports the public identity without any private key', async () => {
    const shown = await cli('identity', 'show', '--db', db, '--json');
    expect(shown.code).toBe(0);
    const identity = shown.json<{ fingerprint: string; ed25519PublicKey: string; certificatePem: string }>();
    expect(identity.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    const out = path.join(dir, 'identity.json');
    expect((await cli('identity', 'export', '--out', out, '--db', db)).code).toBe(0);
    const exported = fs.readFileSync(out, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'dingxing.identity/1', fingerprint: identity.fingerprint });
    expect(exported).not.toMatch(/PRIVATE KEY/);
  });
});

describe('dingxing identity create', () => {
  const keyRows = (file: string) => {
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      return raw.prepare('SELECT count(*) FROM workstation_keys').pluck().get() as number;
    } finally {
      raw.close();
    }
  };

  it('is the only command that makes keys: signing with DINGXING_KEY_PASSPHRASE set on a workstation without keys is refused and makes none', async () => {
    const fresh = path.join(dir, 'fresh.sqlite');
    const documents = path.join(dir, 'fresh.json');
    fs.writeFileSync(documents, JSON.stringify([assessmentDocument({ name: '无密钥单位' })]));
    const [id] = (await cli('assessments', 'import', documents, '--db', fresh, '--json')).json<string[]>();
    const out = path.join(dir, 'no-keys.pdf');
    const issue = await cli('certificate', 'issue', id as string, '--out', out, '--db', fresh);
    expect(issue.code).toBe(1);
    expect(issue.stderr).toContain('dingxing identity create');
    expect((await cli('identity', 'export', '--out', path.join(dir, 'id.json'), '--db', fresh)).code).toBe(1);
    const shown = await cli('identity', 'show', '--db', fresh, '--json');
    expect(shown.code).toBe(0);
    expect(shown.json()).toMatchObject({ keys: null });
    expect(fs.existsSync(out)).toBe(false);
    expect(keyRows(fresh)).toBe(0);

    const created = await cli('identity', 'create', '--name', '汉阳区检查一组', '--db', fresh, '--json');
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ created: true, methods: ['passphrase'], workstationName: '汉阳区检查一组' });
    expect(keyRows(fresh)).toBe(1);
    expect((await cli('certificate', 'issue', id as string, '--out', out, '--db', fresh)).code).toBe(0);
  });

  it('refuses to make the keys twice, a short passphrase and a bad name with exit 1, and a missing passphrase with exit 2', async () => {
    const again = await cli('identity', 'create', '--db', db);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has its keys');
    const fresh = path.join(dir, 'fresh.sqlite');
    process.env.DINGXING_KEY_PASSPHRASE = 'short';
    expect((await cli('identity', 'create', '--db', fresh)).code).toBe(1);
    process.env.DINGXING_KEY_PASSPHRASE = passphrase;
    expect((await cli('identity', 'create', '--name', ' ', '--db', fresh)).code).toBe(1);
    delete process.env.DINGXING_KEY_PASSPHRASE;
    const unasked = await cli('identity', 'create', '--db', fresh);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('DINGXING_KEY_PASSPHRASE');
    // No keys, and no database either: a refused command leaves none it created.
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('names the workstation with `workstation name`, and says when it has no name yet', async () => {
    const unnamed = await cli('workstation', 'name', '--db', db, '--json');
    expect(unnamed.json()).toMatchObject({ workstationNamed: false });
    expect((await cli('workstation', 'name', '--db', db)).stdout).toContain('not named yet');
    const named = await cli('workstation', 'name', '江汉区检查二组', '--db', db, '--json');
    expect(named.code).toBe(0);
    expect(named.json()).toMatchObject({ workstationName: '江汉区检查二组', workstationNamed: true });
    expect((await cli('identity', 'show', '--db', db, '--json')).json()).toMatchObject({ workstationName: '江汉区检查二组' });
  });
});
