// The certificate procedures through the dispatcher: roles, the batch as a worker job with progress, and refusals.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../../helpers/keys';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { asInspector, asLeader } from '../../helpers/actors';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { assessmentDocument, passphrase } from './world';
import { contextOf } from '../../helpers/context';

async function coreWithAssessments(count: number, jobMode: 'worker' | 'inline') {
  const core = await testCore({ jobMode, platform: nodePlatform({ keyStore: new PassphraseKeyStore(passphrase), fontsDir: path.resolve('build/fonts') }) });
  await makeKeys(core, passphrase);
  const ids = importAssessmentDocuments(
    contextOf(core, cliActor()),
    Array.from({ length: count }, (_, index) => ({ source: `a${index}.json`, json: assessmentDocument({ name: `接口测试单位${index + 1}` }) })),
  ).map((entry) => entry.id);
  return { core, ids };
}

describe('certificate procedures', () => {
  it('lets a leader issue and an inspector only read', async () => {
    const { core, ids } = await coreWithAssessments(1, 'inline');
    const refused = await core.dispatcher.dispatch('certificates.issue', { assessmentId: ids[0] }, asInspector);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const issued = await core.dispatcher.dispatch('certificates.issue', { assessmentId: ids[0] }, asLeader);
    expect(issued).toMatchObject({ ok: true, value: { created: true, certificate: { issuedBy: 'test:王组长' } } });
    const listed = await core.dispatcher.dispatch('certificates.list', {}, asInspector);
    expect(listed).toMatchObject({ ok: true, value: [{ number: 'WH-2026-420105-000001', status: 'valid' }] });
    const printed = await core.dispatcher.dispatch('certificates.print', {}, asLeader);
    expect(printed).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'no-print-dialog' } } });
  });

  it('batch-prints in a worker thread with progress, one page per valid certificate', async () => {
    const { core, ids } = await coreWithAssessments(3, 'worker');
    for (const assessmentId of ids) await core.dispatcher.dispatch('certificates.issue', { assessmentId }, asLeader);
    const events: { done: number; total: number }[] = [];
    core.dispatcher.onProgress((event) => events.push(event));
    const result = await core.dispatcher.dispatch('certificates.batchPdf', { district: '420105', cycle: 2026 }, asLeader, 'job-batch');
    expect(result).toMatchObject({ ok: true, value: { count: 3, fileName: '证书-2026-汉阳区.pdf' } });
    const file = path.join(tempDir(), 'batch.pdf');
    fs.writeFileSync(file, Buffer.from((result as { value: { pdfBase64: string } }).value.pdfBase64, 'base64'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3/);
    expect(events.at(-1)).toMatchObject({ done: 3, total: 3 });
  });

  it('says there is nothing to print rather than printing an empty page', async () => {
    const { core } = await coreWithAssessments(0, 'inline');
    const result = await core.dispatcher.dispatch('certificates.batchPdf', { cycle: 2030 }, asLeader);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'nothing-to-print' } } });
  });
});
