// Plaque PDFs: 1,000 plaques, each its own signed PDF (time and size each), against bare pdfkit
// drawing the same page unsigned in the same run; and the same 1,000 batch-printed into one PDF.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { batchPlaquePdf, plaquePdf } from '../../electron/main/certificates/plaque-pdf';
import type { PlaqueCertificate } from '../../electron/main/certificates/plaque-pdf';
import { drawPlaque } from '../../electron/main/certificates/plaque';
import { signPayload } from '../../electron/main/crypto/qr-payload';
import { makeSelfSignedCertificate } from '../../electron/main/crypto/x509';
import { createPdfDocument, endToBuffer } from '../../electron/main/pdf/document';
import { loadPdfFonts } from '../../electron/main/pdf/fonts';
import { allOf, median, record, withinRatio, writeFigures } from './harness';

afterAll(() => writeFigures('plaques'));

const count = 1000;
const signedAt = new Date('2026-12-01T10:00:00+08:00');
const workstationId = '01900000-0000-7000-8000-00000000b001';
const fonts = loadPdfFonts(path.resolve('build/fonts'));
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = { privateKey: rsa.privateKey, certificatePem: makeSelfSignedCertificate({ commonName: 'Dingxing Bench', organization: 'Dingxing' }, rsa, 20, signedAt) };
const ed25519 = crypto.generateKeyPairSync('ed25519');
const streets = ['鹦鹉洲', '琴台', '四新', '江堤', '洲头', '晴川', '龙阳', '永丰', '江汉二桥', '建桥'];
const kinds = ['物流有限公司', '社区居民委员会', '商贸有限责任公司', '中学', '人民医院', '村民委员会', '快递服务部'];

function certificates(): PlaqueCertificate[] {
  return Array.from({ length: count }, (_, index) => {
    const number = `WH-2026-420105-${String(index + 1).padStart(6, '0')}`;
    const unitName = `武汉市汉阳区${streets[index % streets.length]}${kinds[index % kinds.length]}`;
    const stars = (index % 5) + 1;
    const payload = { n: number, u: unitName, c: `91420105MA4K${String(index).padStart(5, '0')}X`, s: stars, y: 2026, i: '2026-12-01', e: '2027-12-31', w: workstationId };
    return { number, unitName, stars, cycle: 2026, issuedOn: '2026-12-01', validUntil: '2027-12-31', authority: '武汉市“鼎星”平安创建指挥部', qrPayload: signPayload(payload, ed25519.privateKey), workstationId };
  });
}

async function unsignedPlaque(certificate: PlaqueCertificate): Promise<Buffer> {
  const doc = createPdfDocument({ title: certificate.number, layout: 'landscape', margin: 0, creationDate: signedAt });
  drawPlaque(doc, fonts, certificate);
  return endToBuffer(doc);
}

it('signs 1,000 plaques, each its own PDF, within 1.5× of drawing them unsigned and under 150 KB each', async () => {
  const all = certificates();
  for (const certificate of all.slice(0, 20)) {
    await plaquePdf(certificate, fonts, key, signedAt);
    await unsignedPlaque(certificate);
  }
  // Interleaved rounds, so drift of the machine (2 shared cores) falls on both sides alike.
  const signedTimes: number[] = [];
  const bareTimes: number[] = [];
  let largest = 0;
  let bytes = 0;
  for (const certificate of all) {
    let start = process.hrtime.bigint();
    const signed = await plaquePdf(certificate, fonts, key, signedAt);
    signedTimes.push(Number(process.hrtime.bigint() - start) / 1e9);
    start = process.hrtime.bigint();
    await unsignedPlaque(certificate);
    bareTimes.push(Number(process.hrtime.bigint() - start) / 1e9);
    largest = Math.max(largest, signed.length);
    bytes += signed.length;
  }
  const seconds = signedTimes.reduce((sum, value) => sum + value, 0);
  const baselineSeconds = bareTimes.reduce((sum, value) => sum + value, 0);
  record({
    name: 'certificates.plaquePdf',
    size: `1,000 plaques, each a signed PDF; median ${(median(signedTimes) * 1000).toFixed(1)} ms, mean ${Math.round(bytes / count / 1024)} KB, largest ${Math.round(largest / 1024)} KB`,
    seconds,
    baselineSeconds,
    baseline: 'bare pdfkit drawing the same page unsigned',
    rate: { value: count / seconds, unit: 'plaques/s' },
    goal: allOf(withinRatio(seconds, baselineSeconds, 1.5), { text: '≤ 150 KB a plaque', met: largest <= 150 * 1024 }),
  });
});

it('batch-prints 1,000 plaques into one signed PDF', async () => {
  const all = certificates();
  let start = process.hrtime.bigint();
  const batch = await batchPlaquePdf(all, fonts, key, workstationId, signedAt);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  start = process.hrtime.bigint();
  const doc = createPdfDocument({ title: 'bare', layout: 'landscape', margin: 0, creationDate: signedAt });
  for (const [index, certificate] of all.entries()) {
    if (index > 0) doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    drawPlaque(doc, fonts, certificate);
    // The batch yields every 20 pages (progress, cancel); so does its baseline.
    if (index % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
  }
  await endToBuffer(doc);
  const baselineSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  record({
    name: 'certificates.batchPdf',
    size: `1,000 plaques in one signed PDF, ${(batch.length / 1024 / 1024).toFixed(1)} MB`,
    seconds,
    baselineSeconds,
    baseline: 'bare pdfkit drawing the same 1,000 pages unsigned',
    rate: { value: count / seconds, unit: 'pages/s' },
    // As for one plaque: signing adds one hash of the file and one RSA signature to the drawing.
    goal: withinRatio(seconds, baselineSeconds, 1.5),
  });
  expect(batch.subarray(0, 5).toString()).toBe('%PDF-');
});
