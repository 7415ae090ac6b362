/**
 * `dingxing certificate issue|print|list|revoke`: signed star-plaque certificates from the
 * command line (docs/certificates.md). Signing needs the workstation key passphrase
 * (DINGXING_KEY_PASSPHRASE, or a prompt at a terminal).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { Certificate } from '@shared/api/procedures/certificates';
import { certificateStatuses } from '@shared/domain/certificate';
import type { CertificateStatus } from '@shared/domain/certificate';
import type { CliCommand, CommandContext } from '../command';
import { integerOption, stringOption, UsageError } from '../command';
import { callCore } from '../call-core';
import { formatTable } from '../text/table';
import { starGlyphs } from './units-list';
import { writeFileRefusing } from '../write-output-file';

/** Resolves --out and refuses a folder that does not exist before any work is done. */
export function outFile(context: CommandContext, command: CliCommand, extension: string): string {
  const out = stringOption(context.values, 'out');
  if (out === undefined) throw new UsageError(`--out FILE${extension} is required`, command);
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target))) throw new DxError('BAD_INPUT', `文件夹不存在：${path.dirname(target)} / the folder does not exist: ${path.dirname(target)}`);
  return target;
}

function certificateLine(certificate: Certificate): string {
  return `${certificate.number}  ${certificate.unitName}  ${starGlyphs(certificate.stars)}  ${certificate.cycle}  valid until ${certificate.validUntil}`;
}

export const certificateIssueCommand: CliCommand = {
  path: ['certificate', 'issue'],
  summary: 'Issue the signed star-plaque certificate of a signed assessment and write its PDF',
  args: 'ASSESSMENT_ID',
  positionals: { min: 1, max: 1 },
  options: { out: { type: 'string', help: 'FILE.pdf  where to write the plaque' } },
  async run(context) {
    const target = outFile(context, certificateIssueCommand, '.pdf');
    const core = await context.core();
    const outcome = await callCore(core, 'certificates.issue', { assessmentId: context.positionals[0] as string });
    const pdf = Buffer.from((await callCore(core, 'certificates.plaquePdf', { id: outcome.certificate.id })).pdfBase64, 'base64');
    await writeFileRefusing(target, pdf);
    context.print(
      { ...outcome, file: target, bytes: pdf.length },
      `${outcome.created ? '证书已签发 (certificate issued)' : '该评定已有证书，重新输出 (this assessment already has a certificate; written again)'}:\n  ${certificateLine(outcome.certificate)}\n  ${target}`,
    );
  },
};

export const certificatePrintCommand: CliCommand = {
  path: ['certificate', 'print'],
  summary: 'Batch: every current certificate (of a district, a cycle) in one printable PDF, one plaque a page',
  options: {
    district: { type: 'string', help: 'CODE  only this district' },
    cycle: { type: 'string', help: 'Y  only this cycle' },
    out: { type: 'string', help: 'FILE.pdf  where to write the batch' },
  },
  async run(context) {
    const target = outFile(context, certificatePrintCommand, '.pdf');
    const cycle = integerOption(context.values, 'cycle', certificatePrintCommand);
    const district = stringOption(context.values, 'district');
    let last = 0;
    const result = await callCore(await context.core(), 'certificates.batchPdf', { ...(district === undefined ? {} : { district }), ...(cycle === undefined ? {} : { cycle }) }, {
      onProgress(done, total) {
        if (!context.json && (done === total || done - last >= 100)) {
          last = done;
          context.io.stderr(`  ${done}/${total}\n`);
        }
      },
    });
    const pdf = Buffer.from(result.pdfBase64, 'base64');
    await writeFileRefusing(target, pdf);
    context.print({ file: target, count: result.count, bytes: pdf.length }, `已输出 ${result.count} 张证书 (${result.count} certificates written): ${target}`);
  },
};

export const certificateListCommand: CliCommand = {
  path: ['certificate', 'list'],
  summary: 'List certificates with their status (valid, revoked, expired)',
  options: {
    district: { type: 'string', help: 'CODE  only this district' },
    cycle: { type: 'string', help: 'Y  only this cycle' },
    status: { type: 'string', help: `S  only ${certificateStatuses.join(', ')}` },
  },
  async run(context) {
    const status = stringOption(context.values, 'status');
    if (status !== undefined && !(certificateStatuses as readonly string[]).includes(status)) throw new UsageError(`--status is one of ${certificateStatuses.join(', ')}`, certificateListCommand);
    const district = stringOption(context.values, 'district');
    const cycle = integerOption(context.values, 'cycle', certificateListCommand);
    const certificates = await callCore(await context.core(), 'certificates.list', {
      ...(district === undefined ? {} : { district }),
      ...(cycle === undefined ? {} : { cycle }),
      ...(status === undefined ? {} : { status: status as CertificateStatus }),
      limit: 100_000,
    });
    context.print(
      certificates,
      certificates.length === 0
        ? 'No certificates.'
        : formatTable(
            ['number', 'unit', 'stars', 'cycle', 'valid until', 'status', 'id'],
            certificates.map((entry) => [entry.number, entry.unitName, starGlyphs(entry.stars), String(entry.cycle), entry.validUntil, entry.status, entry.id]),
          ),
    );
  },
};

export const certificateRevokeCommand: CliCommand = {
  path: ['certificate', 'revoke'],
  summary: 'Revoke a certificate by hand, with a reason (kept for ever)',
  args: 'CERTIFICATE_ID',
  positionals: { min: 1, max: 1 },
  options: { reason: { type: 'string', help: 'TEXT  why (required)' } },
  async run(context) {
    const reason = stringOption(context.values, 'reason')?.trim();
    if (!reason || reason.length < 2) throw new UsageError('--reason TEXT is required', certificateRevokeCommand);
    const certificate = await callCore(await context.core(), 'certificates.revoke', { id: context.positionals[0] as string, reason });
    context.print(certificate, `证书已撤销 (certificate revoked): ${certificateLine(certificate)}`);
  },
};
