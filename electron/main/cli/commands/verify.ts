/**
 * `dingxing verify FILE.pdf` / `dingxing verify --qr TEXT`: exit 0 when the certificate is
 * valid, 1 with the reason when not (tampered, unknown workstation, revoked, expired, not yet
 * valid, not a certificate of this system). Needs no passphrase: only public keys are used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { Verification } from '@shared/api/procedures/certificates';
import type { CliCommand } from '../command';
import { stringOption, UsageError } from '../command';
import { maxCertificatePdfBytes } from '@shared/limits';
import { callCore } from '../call-core';
import { starGlyphs } from './units-list';

function certificateLines(fields: NonNullable<Verification['claimed']>, issuer: 'self' | 'enrolled' | null, indent: string, name: string | null = null): string[] {
  const where = issuer === 'self' ? 'this workstation' : issuer === 'enrolled' ? 'enrolled' : null;
  return [
    `${indent}证书编号 number:      ${fields.number}`,
    `${indent}单位 unit:            ${fields.unitName} (${fields.unitCode})`,
    `${indent}星级 stars:           ${starGlyphs(fields.stars)} ${fields.stars}`,
    `${indent}年度 cycle:           ${fields.cycle}`,
    `${indent}有效期 valid:         ${fields.issuedOn} – ${fields.validUntil}`,
    `${indent}签发工作站 issued by: ${name === null ? `${fields.workstationId}${where ? ` (${where})` : ''}` : `${name} (${fields.workstationId}${where ? `, ${where}` : ''})`}`,
  ];
}

function describe(result: Verification): string {
  const lines = [`${result.valid ? '✓' : '✗'} ${result.message}`];
  if (result.certificate) lines.push(...certificateLines(result.certificate, result.certificate.issuer, '  ', result.certificate.workstationName));
  // A payload that did not verify is set apart and labelled, never printed like the facts above.
  if (result.claimed) lines.push('  ── 声称的内容，未经验证，不可采信 / claimed, not verified: do not rely on it ──', ...certificateLines(result.claimed, null, '  ? '));
  if (result.revocation) lines.push(`  撤销 revoked:         ${result.revocation.revokedOn} ${result.revocation.reason}`);
  const checks = [result.checks.pdfSignature === null ? null : `PDF signature ${result.checks.pdfSignature ? 'valid' : 'invalid'}`, result.checks.qrSignature === null ? null : `QR signature ${result.checks.qrSignature ? 'valid' : 'invalid'}`].filter(Boolean);
  if (checks.length > 0) lines.push(`  checks: ${checks.join(', ')}`);
  return lines.join('\n');
}

export const verifyCommand: CliCommand = {
  path: ['verify'],
  summary: 'Verify a certificate PDF or its QR text; exit 0 valid, 1 invalid with the reason',
  args: '[FILE.pdf]',
  positionals: { min: 0, max: 1 },
  options: { qr: { type: 'string', help: 'TEXT  the QR code text (DX1.…) instead of a file' } },
  async run(context) {
    const qr = stringOption(context.values, 'qr');
    const file = context.positionals[0];
    if ((qr === undefined) === (file === undefined)) throw new UsageError('give either FILE.pdf or --qr TEXT', verifyCommand);
    let result: Verification;
    if (qr !== undefined) {
      result = await callCore(await context.core(), 'certificates.verifyQr', { text: qr });
    } else {
      const target = path.resolve(file as string);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(target);
      } catch {
        throw new DxError('BAD_INPUT', `找不到文件 ${target} / no such file: ${target}`);
      }
      if (!stat.isFile()) throw new DxError('BAD_INPUT', `${target} 不是文件 / ${target} is not a file`);
      const core = await context.core();
      // Too big for a certificate: refused without reading 100 MB into memory.
      const bytes = stat.size > maxCertificatePdfBytes ? Buffer.alloc(maxCertificatePdfBytes + 1) : fs.readFileSync(target);
      result = await callCore(core, 'certificates.verifyPdf', { pdfBase64: bytes.toString('base64') });
    }
    context.print(result, describe(result));
    return result.valid ? 0 : 1;
  },
};
