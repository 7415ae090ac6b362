import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPdfDocument, endToBuffer } from '../../../electron/main/pdf/document';
import { loadPdfFonts, missingCharacters, textRuns } from '../../../electron/main/pdf/fonts';
import { addSignaturePlaceholder, signPdf } from '../../../electron/main/pdf/signer';
import type { PdfSigningKey } from '../../../electron/main/pdf/signer';
import { drawLine } from '../../../electron/main/pdf/text';
import { PdfSignatureProblem, readInfoString, verifyPdfSignature } from '../../../electron/main/pdf/verify-signature';
import { makeSelfSignedCertificate } from '../../../electron/main/crypto/x509';
import { tempDir } from '../../helpers/temp';

const fontsDir = path.resolve('build/fonts');
let key: PdfSigningKey;
const signedAt = new Date('2026-12-01T10:00:00+08:00');

beforeAll(() => {
  const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  key = { privateKey: pair.privateKey, certificatePem: makeSelfSignedCertificate({ commonName: 'Dingxing Test', organization: 'Dingxing' }, pair, 20, signedAt) };
});

async function signedSample(text = '汉阳区测试物流有限公司'): Promise<Buffer> {
  const doc = createPdfDocument({ title: 'Sample', layout: 'landscape', margin: 0, info: { DingxingQR: 'DX1.abc-_.def' }, creationDate: signedAt });
  drawLine(doc, loadPdfFonts(fontsDir), text, { x: 40, y: 60, size: 28, weight: 'bold' });
  addSignaturePlaceholder(doc, { reason: 'Test', name: 'Dingxing Test', location: 'Wuhan' });
  return signPdf(await endToBuffer(doc), key, signedAt);
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PdfSignatureProblem) return error.fault;
    throw error;
  }
  return 'valid';
}

describe('PDF signatures', () => {
  it('signs so that poppler says the signature is valid and the text stays extractable', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.pdf');
    fs.writeFileSync(file, await signedSample());
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(pdfsig).toContain('Signature is Valid');
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('汉阳区测试物流有限公司');
  });

  it('verifies its own signature and returns the signer certificate', async () => {
    const pdf = await signedSample();
    const verified = verifyPdfSignature(pdf);
    expect(new crypto.X509Certificate(verified.certificateDer).subject).toContain('CN=Dingxing Test');
    expect(readInfoString(pdf, 'DingxingQR')).toBe('DX1.abc-_.def');
  });

  it('calls a PDF with one flipped byte in the signed range tampered', async () => {
    const pdf = await signedSample();
    const at = pdf.indexOf('DX1.abc') + 4;
    pdf[at] = 'x'.charCodeAt(0);
    expect(codeOf(() => verifyPdfSignature(pdf))).toBe('tampered');
  });

  it('calls bytes appended after the signature tampered', async () => {
    const pdf = Buffer.concat([await signedSample(), Buffer.from('\n% more\n')]);
    expect(codeOf(() => verifyPdfSignature(pdf))).toBe('tampered');
  });

  it('calls noise, a truncated file and an unsigned PDF not signed', async () => {
    const pdf = await signedSample();
    expect(codeOf(() => verifyPdfSignature(crypto.randomBytes(100_000)))).toBe('not-signed');
    expect(codeOf(() => verifyPdfSignature(pdf.subarray(0, pdf.length / 2)))).toBe('not-signed');
    const unsigned = await endToBuffer(createPdfDocument({ title: 'x', creationDate: signedAt }));
    expect(codeOf(() => verifyPdfSignature(unsigned))).toBe('not-signed');
    expect(codeOf(() => verifyPdfSignature(Buffer.from('%PDF-1.7\n%%EOF')))).toBe('not-signed');
  });
});

describe('PDF fonts', () => {
  it('draws a name with a CJK Extension B character from the fallback font, one run per font', async () => {
    const fonts = loadPdfFonts(fontsDir);
    const runs = textRuns(fonts, '𠮷野家汉阳店');
    expect(runs.map((run) => run.text)).toEqual(['𠮷', '野家汉阳店']);
    expect(runs[0]?.font).not.toBe(fonts.regular);
    expect(missingCharacters(fonts, '𠮷野家汉阳店')).toEqual([]);
    const dir = tempDir();
    const file = path.join(dir, 'ext-b.pdf');
    fs.writeFileSync(file, await signedSample('𠮷野家汉阳店'));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('𠮷野家汉阳店');
    const embedded = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(embedded).toContain('NotoSansSC');
    expect(embedded).toContain('SourceHanSansSC');
  });

  it('parses each font file once per process', () => {
    expect(loadPdfFonts(fontsDir)).toBe(loadPdfFonts(`${fontsDir}/`));
  });
});

describe('bold fallback', () => {
  it('draws bold Extension B characters with the bold fallback', () => {
    const fonts = loadPdfFonts(fontsDir);
    const [first] = textRuns(fonts, '𠮷', 'bold');
    expect(first?.font.postscriptName).toMatch(/Bold/);
  });
});
