// The certificate commands end to end: issue, batch print, report, identity, exit codes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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

beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'cli.sqlite');
  process.env.DINGXING_KEY_PASSPHRASE = passphrase;
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
    await cli('identity', 'show', '--db', db);
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
  });
});

describe('dingxing identity', () => {
  it('shows the fingerprint and exports the public identity without any private key', async () => {
    await cli('init', '--db', db);
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
