/**
 * Checking a certificate (its QR text or its PDF) against this workstation's records: apart from
 * the other certificate handlers so that `dingxing verify` loads no PDF writer, font or chart code.
 */
import { maxCertificatePdfBytes } from '@shared/limits';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { localDate } from '../../context/local-date';
import { verifyCertificatePdf, verifyQrText } from '../../certificates/verify';

export const verificationProcedureNames = ['certificates.verifyQr', 'certificates.verifyPdf'] as const;
type VerificationHandlers = Pick<HandlerMap, (typeof verificationProcedureNames)[number]>;

export function verificationHandlers(services: CoreServices): VerificationHandlers {
  const { db, platform } = services;
  const today = () => localDate(platform.now());
  return {
    'certificates.verifyQr': ({ text }) => verifyQrText(db, text, today()),
    'certificates.verifyPdf': ({ pdfBase64 }) => {
      // Base64 of more than the limit is refused before it is decoded.
      const bytes = pdfBase64.length > ((maxCertificatePdfBytes + 2) / 3) * 4 ? Buffer.alloc(maxCertificatePdfBytes + 1) : Buffer.from(pdfBase64, 'base64');
      return verifyCertificatePdf(db, bytes, today());
    },
  };
}
