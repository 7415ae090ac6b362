/** Handlers of certificate procedures: thin calls into electron/main/certificates/. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { certificateProcedures } from '@shared/api/procedures/certificates';
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CallContext } from '../dispatch';
import type { CoreServices } from '../core-services';
import { localDate } from '../../context/local-date';
import { plaqueDocument } from '../../certificates/documents';
import { toTransferable } from '../../pdf/signer';
import type { BatchJobInput, BatchJobOutput } from '../../certificates/batch-job';
import { unlockedKeys } from '../../certificates/signing-keys';
import type { DocumentTools } from '../../certificates/signing-keys';
import { issueCertificate } from '../../certificates/issue';
import { findByAssessment, getCertificateRow, listCertificateRows, pageCertificateRows, toCertificate } from '../../certificates/repository';
import { reportDocument } from '../../assessments/report-pdf';
import { revokeCertificate } from '../../certificates/revoke';
import { noKeys, readPublicIdentity } from '../../crypto/identity';
import { verifierData, verifierHtml } from '../../certificates/verifier-page';

/** The verification procedures have their own module (certificate-verification.ts). */
type CertificateHandlers = Omit<Pick<HandlerMap, keyof typeof certificateProcedures>, 'certificates.verifyQr' | 'certificates.verifyPdf'>;

export function certificateHandlers(services: CoreServices): CertificateHandlers {
  const { db, platform } = services;
  const tools = (): DocumentTools => ({ keyStore: platform.keyStore, fontsDir: platform.fontsDir });
  const today = () => localDate(platform.now());
  /** The batch runs as a job (a worker thread in the app); the keys are unlocked here first. */
  async function batchInWorker(filter: BatchJobInput['filter'], context: CallContext<'certificates.batchPdf'>): Promise<BatchJobOutput> {
    const day = today();
    if (listCertificateRows(db, { ...filter, status: 'valid', limit: 1 }, day).length === 0) {
      throw new DxError('NOT_FOUND', '没有符合条件的有效证书可打印 / no valid certificates match: nothing to print', { reason: 'nothing-to-print' });
    }
    const keys = await unlockedKeys(context.domain(), platform.keyStore);
    const input: BatchJobInput = { filter, today: day, fontsDir: platform.fontsDir, signingKey: toTransferable(keys.pdfSigningKey) };
    return context.runJob(input);
  }
  return {
    'certificates.issue': ({ assessmentId }, context) => issueCertificate(context.domain(), platform.keyStore, assessmentId),
    'certificates.list': (input) => listCertificateRows(db, input, today()).map((row) => toCertificate(row, today())),
    'certificates.page': ({ offset, limit, ...filter }) => {
      const day = today();
      const page = pageCertificateRows(db, filter, day, { offset, limit });
      return { total: page.total, offset, items: page.rows.map((row) => toCertificate(row, day)) };
    },
    'certificates.get': ({ id }) => toCertificate(getCertificateRow(db, id), today()),
    'certificates.forAssessment': ({ assessmentId }) => {
      const row = findByAssessment(db, assessmentId);
      return row ? toCertificate(row, today()) : null;
    },
    'certificates.revoke': ({ id, reason }, context) => revokeCertificate(context.domain(), id, reason),
    'certificates.plaquePdf': async ({ id }, context) => {
      const { fileName, pdf } = await plaqueDocument(context.domain(), tools(), id);
      return { fileName, pdfBase64: pdf.toString('base64') };
    },
    'certificates.batchPdf': async (input, context) => {
      const result = await batchInWorker(input, context);
      return { fileName: result.fileName, pdfBase64: Buffer.from(result.pdf).toString('base64'), count: result.count };
    },
    'certificates.print': async (input, context) => {
      const print = services.platform.print;
      if (!print) throw new DxError('CONFLICT', '此处没有系统打印对话框，请打开 PDF 后打印 / there is no print dialog here: open the PDF and print it', { reason: 'no-print-dialog' });
      const made = input.id !== undefined ? { ...(await plaqueDocument(context.domain(), tools(), input.id)), count: 1 } : await batchInWorker({ district: input.district, cycle: input.cycle }, context);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-print-')), made.fileName);
      fs.writeFileSync(file, made.pdf);
      await print(file);
      return { count: made.count };
    },
    'certificates.reportPdf': async ({ assessmentId }, context) => {
      const { fileName, pdf } = await reportDocument(context.domain(), { ...tools(), dataDir: services.dataDir }, assessmentId, requireActor(context).displayName);
      return { fileName, pdfBase64: pdf.toString('base64') };
    },
    'identity.show': () => readPublicIdentity(db, services.workstation),
    'identity.get': () => {
      const identity = readPublicIdentity(db, services.workstation);
      if (!identity) throw noKeys();
      return identity;
    },
    'certificates.verifierPage': () => {
      const data = verifierData(db, today());
      return { html: verifierHtml(data), workstations: Object.keys(data.keys).length, revoked: Object.keys(data.revoked).length };
    },
    'identity.export': ({ city }, context) => {
      const actor = requireActor(context);
      if (city && !actor.roles.includes('city')) throw new DxError('FORBIDDEN', '只有市指挥部角色可以导出市指挥部身份 / only the city office role exports the city office’s identity', { reason: 'auth.roleRequired', roles: ['city'] });
      const identity = readPublicIdentity(db, services.workstation);
      if (!identity) throw new DxError('CONFLICT', '本工作站还没有密钥，因此没有身份文件：请先创建工作站密钥 / this workstation has no keys yet, so no identity file: create the workstation keys first', { reason: 'no-keys' });
      const file = { ...identity, ...(city ? { kind: 'city' as const } : {}) };
      const stem = services.workstation.name.replace(/[^A-Za-z0-9_-]/g, '') || services.workstation.id.slice(-8);
      return { fileName: city ? `dingxing-city-${stem}.id` : `dingxing-identity-${stem}.id`, content: `${JSON.stringify(file, null, 2)}\n`, fingerprint: identity.fingerprint, workstationId: identity.workstationId, workstationName: identity.workstationName, kind: city ? 'city' : 'workstation' };
    },
  };
}
