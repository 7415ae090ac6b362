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
import { formatTable } from '../text/table';
import { localDate } from '../../assessments/deps';
import { certificateDepsOf } from '../../certificates/deps';
import type { CertificateDeps } from '../../certificates/deps';
import { batchDocument, plaqueDocument } from '../../certificates/documents';
import { issueCertificate } from '../../certificates/issue';
import { listCertificateRows, toCertificate } from '../../certificates/repository';
import { revokeCertificate } from '../../certificates/revoke';
import { cliActor } from '../../users/cli-actor';
import { starGlyphs } from './units-list';
import { writeFileRefusing } from '../write-output-file';

export async function cliCertificateDeps(context: CommandContext): Promise<CertificateDeps> {
  const core = await context.core();
  return certificateDepsOf(core.services);
}

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
    const deps = await cliCertificateDeps(context);
    const outcome = await issueCertificate(deps, context.positionals[0] as string, cliActor().userId);
    const { pdf } = await plaqueDocument(deps, outcome.certificate.id);
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
    const deps = await cliCertificateDeps(context);
    let last = 0;
    const result = await batchDocument(deps, { district, cycle }, {
      progress(done, total) {
        if (!context.json && (done === total || done - last >= 100)) {
          last = done;
          context.io.stderr(`  ${done}/${total}\n`);
        }
      },
    });
    await writeFileRefusing(target, result.pdf);
    context.print({ file: target, count: result.count, bytes: result.pdf.length }, `已输出 ${result.count} 张证书 (${result.count} certificates written): ${target}`);
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
    const core = await context.core();
    const today = localDate(core.services.platform.now());
    const rows = listCertificateRows(core.services.db, { district: stringOption(context.values, 'district'), cycle: integerOption(context.values, 'cycle', certificateListCommand), status: status as CertificateStatus | undefined, limit: 100_000 }, today);
    const certificates = rows.map((row) => toCertificate(row, today));
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
    const core = await context.core();
    const certificate = revokeCertificate(certificateDepsOf(core.services, { keyStore: null }), context.positionals[0] as string, reason, cliActor().userId);
    context.print(certificate, `证书已撤销 (certificate revoked): ${certificateLine(certificate)}`);
  },
};
