/** Handlers of certificate procedures: thin calls into electron/main/certificates/. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { certificateProcedures } from '@shared/api/procedures/certificates';
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CallContext } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { localDate } from '../../assessments/deps';
import { plaqueDocument } from '../../certificates/documents';
import { toTransferable } from '../../pdf/signer';
import type { BatchJobInput, BatchJobOutput } from '../../certificates/batch-job';
import { certificateDepsOf, unlockedKeys } from '../../certificates/deps';
import { runJob } from '../../jobs/run-job';
import { issueCertificate } from '../../certificates/issue';
import { findByAssessment, getCertificateRow, listCertificateRows, pageCertificateRows, toCertificate } from '../../certificates/repository';
import { reportDocument } from '../../certificates/report-pdf';
import { revokeCertificate } from '../../certificates/revoke';
import { maxCertificatePdfBytes, verifyCertificatePdf, verifyQrText } from '../../certificates/verify';
import { readPublicIdentity } from '../../crypto/identity';

type CertificateHandlers = Pick<HandlerMap, keyof typeof certificateProcedures>;

export function certificateHandlers(services: CoreServices): CertificateHandlers {
  const deps = certificateDepsOf(services);
  const today = () => localDate(deps.now());
  /** The batch runs as a job (a worker thread in the app); the keys are unlocked here first. */
  async function batchInWorker(filter: BatchJobInput['filter'], context: CallContext): Promise<BatchJobOutput> {
    const day = today();
    if (listCertificateRows(deps.db, { ...filter, status: 'valid', limit: 1 }, day).length === 0) {
      throw new DxError('NOT_FOUND', '没有符合条件的有效证书可打印 / no valid certificates match: nothing to print', { reason: 'nothing-to-print' });
    }
    const keys = await unlockedKeys(deps);
    const input: BatchJobInput = { filter, today: day, fontsDir: deps.fontsDir, signingKey: toTransferable(keys.pdfSigningKey) };
    return (await runJob(services, 'certificates.batchPdf', input, context)) as BatchJobOutput;
  }
  return {
    'certificates.issue': ({ assessmentId }, context) => issueCertificate(deps, assessmentId, requireActor(context).userId),
    'certificates.list': (input) => listCertificateRows(deps.db, input, today()).map((row) => toCertificate(row, today())),
    'certificates.page': ({ offset, limit, ...filter }) => {
      const day = today();
      const page = pageCertificateRows(deps.db, filter, day, { offset, limit });
      return { total: page.total, offset, items: page.rows.map((row) => toCertificate(row, day)) };
    },
    'certificates.get': ({ id }) => toCertificate(getCertificateRow(deps.db, id), today()),
    'certificates.forAssessment': ({ assessmentId }) => {
      const row = findByAssessment(deps.db, assessmentId);
      return row ? toCertificate(row, today()) : null;
    },
    'certificates.revoke': ({ id, reason }, context) => revokeCertificate(deps, id, reason, requireActor(context).userId),
    'certificates.plaquePdf': async ({ id }) => {
      const { fileName, pdf } = await plaqueDocument(deps, id);
      return { fileName, pdfBase64: pdf.toString('base64') };
    },
    'certificates.batchPdf': async (input, context) => {
      const result = await batchInWorker(input, context);
      return { fileName: result.fileName, pdfBase64: Buffer.from(result.pdf).toString('base64'), count: result.count };
    },
    'certificates.print': async (input, context) => {
      const print = services.platform.print;
      if (!print) throw new DxError('CONFLICT', '此处没有系统打印对话框，请打开 PDF 后打印 / there is no print dialog here: open the PDF and print it', { reason: 'no-print-dialog' });
      const made = input.id !== undefined ? { ...(await plaqueDocument(deps, input.id)), count: 1 } : await batchInWorker({ district: input.district, cycle: input.cycle }, context);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-print-')), made.fileName);
      fs.writeFileSync(file, made.pdf);
      await print(file);
      return { count: made.count };
    },
    'certificates.reportPdf': async ({ assessmentId }, context) => {
      const { fileName, pdf } = await reportDocument(deps, assessmentId, requireActor(context).displayName);
      return { fileName, pdfBase64: pdf.toString('base64') };
    },
    'certificates.verifyQr': ({ text }) => verifyQrText(deps.db, text, today()),
    'certificates.verifyPdf': ({ pdfBase64 }) => {
      // Base64 of more than the limit is refused before it is decoded.
      const bytes = pdfBase64.length > ((maxCertificatePdfBytes + 2) / 3) * 4 ? Buffer.alloc(maxCertificatePdfBytes + 1) : Buffer.from(pdfBase64, 'base64');
      return verifyCertificatePdf(deps.db, bytes, today());
    },
    'identity.show': () => readPublicIdentity(deps.db, deps.workstation),
    'identity.export': ({ city }, context) => {
      const actor = requireActor(context);
      if (city && !actor.roles.includes('city')) throw new DxError('FORBIDDEN', '只有市指挥部角色可以导出市指挥部身份 / only the city office role exports the city office’s identity', { reason: 'auth.roleRequired', roles: ['city'] });
      const identity = readPublicIdentity(deps.db, deps.workstation);
      if (!identity) throw new DxError('CONFLICT', '本工作站还没有密钥，因此没有身份文件：请先创建工作站密钥 / this workstation has no keys yet, so no identity file: create the workstation keys first', { reason: 'no-keys' });
      const file = { ...identity, ...(city ? { kind: 'city' as const } : {}) };
      const stem = deps.workstation.name.replace(/[^A-Za-z0-9_-]/g, '') || deps.workstation.id.slice(-8);
      return { fileName: city ? `dingxing-city-${stem}.id` : `dingxing-identity-${stem}.id`, content: `${JSON.stringify(file, null, 2)}\n`, fingerprint: identity.fingerprint, workstationId: identity.workstationId, workstationName: identity.workstationName, kind: city ? 'city' : 'workstation' };
    },
  };
}
