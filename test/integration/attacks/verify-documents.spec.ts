// Items 9 and 10 of the hostile run:
// - a tampered QR still showed its forged values as facts (★★★★★ 5 under the red "tampered");
//   what a payload that did not verify claims is now returned and printed apart, as claimed;
// - `verify` of the product's other signed PDFs (batch print, inspection report, district and
//   city summary) answered "not-ours"; it now says what they are, who signed them and when, and
//   whether that signature holds, and that they are not plaques (exit 1).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Verification } from '@shared/api/procedures/certificates';
import type { Core } from '../../../electron/main/host/core';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { unlockIdentity } from '../../../electron/main/crypto/identity';
import { createPdfDocument, endToBuffer } from '../../../electron/main/pdf/document';
import { addSignaturePlaceholder, signPdf } from '../../../electron/main/pdf/signer';
import { signPayload } from '../../../electron/main/crypto/qr-payload';
import { actorWith, anyone } from '../../helpers/actors';
import { cli } from '../../helpers/cli';
import { testCore } from '../../helpers/core';
import { makeKeys } from '../../helpers/keys';
import { tempDir } from '../../helpers/temp';

const passphrase = 'verify documents passphrase';
const asCity = { actor: actorWith('市指挥部刘', 'city', 'leader') };
let core: Core;
let dir: string;
let plaque: Buffer;
let qr: string;

async function call<T>(name: string, input: unknown, caller = anyone): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const pdfOf = (file: { pdfBase64?: string; contentBase64?: string }) => Buffer.from(file.pdfBase64 ?? file.contentBase64 ?? '', 'base64');
const verifyPdf = (pdf: Buffer) => call<Verification>('certificates.verifyPdf', { pdfBase64: pdf.toString('base64') });

beforeAll(async () => {
  process.env.DINGXING_KEY_PASSPHRASE = passphrase;
  core = await testCore({ platform: nodePlatform({ keyStore: new PassphraseKeyStore(passphrase) }) });
  await makeKeys(core, passphrase);
  dir = tempDir();
  await call('demo.load', { units: 30 });
  const assessmentId = core.services.db
    .prepare("SELECT a.id FROM assessments a WHERE a.status IN ('signed', 'final') AND a.awarded_stars >= 1 AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = a.id) ORDER BY a.cycle DESC LIMIT 1")
    .pluck()
    .get() as string;
  const issued = await call<{ certificate: { id: string; qrPayload: string } }>('certificates.issue', { assessmentId }, asCity);
  qr = issued.certificate.qrPayload;
  plaque = pdfOf(await call('certificates.plaquePdf', { id: issued.certificate.id }, asCity));
}, 120_000);

describe('item 9: what a failed payload claims is never shown as fact', () => {
  it('returns a QR with its stars changed as tampered, its values only as claimed', async () => {
    const [prefix, body, signature] = qr.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const stars = payload.s === 5 ? 4 : 5;
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...payload, s: stars })).toString('base64url')}.${signature}`;
    const result = await call<Verification>('certificates.verifyQr', { text: forged });
    expect(result).toMatchObject({ valid: false, verdict: 'tampered', certificate: null, claimed: { stars, number: payload.n } });
    const run = await cli('verify', '--qr', forged, '--db', core.services.dbFile);
    expect(run.code).toBe(1);
    const [facts, claims] = run.stdout.split('claimed, not verified');
    expect(claims, run.stdout).toBeDefined();
    // Above the label: the verdict only; the forged stars appear only below it, marked.
    expect(facts).not.toMatch(/★/);
    expect(claims).toMatch(new RegExp(`\\? 星级 stars: +[★☆]{5} ${stars}`));
  });

  it('returns a payload from an unknown workstation as claimed, and a valid one as the certificate', async () => {
    const stranger = crypto.generateKeyPairSync('ed25519');
    const [, body] = qr.split('.') as [string, string];
    const payload = { ...JSON.parse(Buffer.from(body, 'base64url').toString('utf8')), w: '01900000-0000-7000-8000-000000000000' };
    const unknown = await call<Verification>('certificates.verifyQr', { text: signPayload(payload, stranger.privateKey) });
    expect(unknown).toMatchObject({ verdict: 'unknown-workstation', certificate: null, claimed: { workstationId: payload.w } });
    expect(await call<Verification>('certificates.verifyQr', { text: qr })).toMatchObject({ valid: true, certificate: { stars: expect.any(Number) }, claimed: null });
    expect(await verifyPdf(plaque)).toMatchObject({ valid: true, verdict: 'valid', claimed: null, document: null });
  });
});

describe('item 10: the product’s other signed PDFs are named, not called foreign', () => {
  it('names a batch print, an inspection report, a district and a city summary, their signer and a valid signature', async () => {
    const assessmentId = core.services.db.prepare("SELECT id FROM assessments WHERE status IN ('signed', 'final') LIMIT 1").pluck().get() as string;
    const district = core.services.db.prepare('SELECT district_code FROM district_inputs LIMIT 1').pluck().get() as string;
    const documents: [string, Buffer][] = [
      ['plaque-batch', pdfOf(await call('certificates.batchPdf', {}, asCity))],
      ['inspection-report', pdfOf(await call('certificates.reportPdf', { assessmentId }))],
      ['district-summary', pdfOf(await call('summary.district', { district, cycle: 2026 }, asCity))],
      ['city-summary', pdfOf(await call('summary.city', { cycle: 2026 }, asCity))],
    ];
    for (const [kind, pdf] of documents) {
      const result = await verifyPdf(pdf);
      expect(result, kind).toMatchObject({ valid: false, verdict: 'other-document', certificate: null, claimed: null, document: { kind, workstationId: core.services.workstation.id, workstationName: core.services.workstation.name, trusted: true, signature: 'valid' } });
      expect(result.message).toMatch(/signed by workstation .+ on \d{4}-\d{2}-\d{2} \d{2}:\d{2}: signature valid; not a plaque/);
    }
    const file = path.join(dir, 'summary.pdf');
    fs.writeFileSync(file, documents[2]![1]);
    const run = await cli('verify', file, '--db', core.services.dbFile, '--json');
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ verdict: 'other-document', document: { kind: 'district-summary' } });
    const text = await cli('verify', file, '--db', core.services.dbFile);
    expect(text.stdout).toMatch(/区县平安鼎总结报告，由工作站 .+ 于 .+ 签名：签名有效；不是证书 \/ a district summary signed by workstation/);
  });

  it('says a changed summary’s signature does not hold, still naming what it is', async () => {
    const district = core.services.db.prepare('SELECT district_code FROM district_inputs LIMIT 1').pluck().get() as string;
    const pdf = pdfOf(await call('summary.district', { district, cycle: 2026 }, asCity));
    const at = pdf.indexOf('/Title') + 2;
    pdf[at] = (pdf[at] as number) ^ 0x20;
    expect(await verifyPdf(pdf)).toMatchObject({ valid: false, verdict: 'tampered', document: { kind: 'district-summary', signature: 'tampered' } });
  });

  it('names a summary signed before PDFs carried /DingxingDocument, from its signature’s reason', async () => {
    const keys = await unlockIdentity(core.services.db, core.services.workstation, new PassphraseKeyStore(passphrase));
    const doc = createPdfDocument({ title: '汉阳区 2026 年度平安鼎评定总结报告', creationDate: new Date('2026-12-01T10:00:00Z') });
    doc.text('old summary');
    addSignaturePlaceholder(doc, { reason: 'District Ding summary 420105 2026', name: `Dingxing Workstation ${core.services.workstation.id}`, location: 'Wuhan, CN' });
    const pdf = await signPdf(await endToBuffer(doc), keys.pdfSigningKey, new Date('2026-12-01T10:00:00Z'));
    expect(await verifyPdf(pdf)).toMatchObject({ verdict: 'other-document', document: { kind: 'district-summary', trusted: true, signature: 'valid' } });
  });

  it('says when such a document was signed by a workstation it does not know', async () => {
    const stranger = await testCore({ platform: nodePlatform({ keyStore: new PassphraseKeyStore(passphrase) }) });
    const assessment = stranger.services.db.prepare('SELECT 1').get();
    expect(assessment).toBeTruthy();
    const keys = await makeKeys(stranger, passphrase, new Date('2026-12-01T10:00:00Z'));
    const doc = createPdfDocument({ title: 'report', creationDate: new Date('2026-12-01T10:00:00Z'), info: { DingxingDocument: 'inspection-report' } });
    doc.text('a report from elsewhere');
    addSignaturePlaceholder(doc, { reason: 'Inspection report of assessment x', name: `Dingxing Workstation ${stranger.services.workstation.id}`, location: 'Wuhan, CN' });
    const pdf = await signPdf(await endToBuffer(doc), keys.pdfSigningKey, new Date('2026-12-01T10:00:00Z'));
    const result = await verifyPdf(pdf);
    expect(result).toMatchObject({ verdict: 'other-document', document: { kind: 'inspection-report', workstationId: stranger.services.workstation.id, workstationName: null, trusted: false } });
    expect(result.message).toMatch(/which is not known here on .+: the signature holds, but its signer is not trusted here; not a plaque/);
  });
});
