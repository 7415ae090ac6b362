/** Handlers of certificate procedures: thin calls into electron/main/certificates/. */
import type { certificateProcedures } from '@shared/api/procedures/certificates';
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { localDate } from '../../assessments/deps';
import { certificateDepsOf } from '../../certificates/deps';
import { batchDocument, plaqueDocument } from '../../certificates/documents';
import { issueCertificate } from '../../certificates/issue';
import { findByAssessment, getCertificateRow, listCertificateRows, toCertificate } from '../../certificates/repository';
import { reportDocument } from '../../certificates/report-pdf';
import { revokeCertificate } from '../../certificates/revoke';
import { maxCertificatePdfBytes, verifyCertificatePdf, verifyQrText } from '../../certificates/verify';
import { readPublicIdentity } from '../../crypto/identity';

type CertificateHandlers = Pick<HandlerMap, keyof typeof certificateProcedures>;

export function certificateHandlers(services: CoreServices): CertificateHandlers {
  const deps = certificateDepsOf(services);
  const today = () => localDate(deps.now());
  return {
    'certificates.issue': ({ assessmentId }, context) => issueCertificate(deps, assessmentId, requireActor(context).userId),
    'certificates.list': (input) => listCertificateRows(deps.db, input, today()).map((row) => toCertificate(row, today())),
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
      const result = await batchDocument(deps, input, { progress: (done, total) => context.progress(done, total), checkCancelled: () => context.throwIfCancelled() });
      return { fileName: result.fileName, pdfBase64: result.pdf.toString('base64'), count: result.count };
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
  };
}
