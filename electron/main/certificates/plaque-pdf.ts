/**
 * The plaque as a signed PDF: one certificate per file (issue, re-print) or many, one a page
 * (batch printing). The QR text is also stored in the Info dictionary (/DingxingQR), inside the
 * signed bytes, so `verify FILE.pdf` checks both signatures without reading the image.
 */
import type { Certificate } from '@shared/api/procedures/certificates';
import { createPdfDocument, endToBuffer } from '../pdf/document';
import type { PdfFonts } from '../pdf/fonts';
import { addSignaturePlaceholder, signPdf } from '../pdf/signer';
import type { PdfSigningKey } from '../pdf/signer';
import { drawPlaque } from './plaque';
import { documentInfoKey } from './signed-documents';
import { qrInfoKey } from './qr-info-key';


export type PlaqueCertificate = Pick<Certificate, 'number' | 'unitName' | 'stars' | 'cycle' | 'issuedOn' | 'validUntil' | 'authority' | 'qrPayload' | 'workstationId'>;

function signatureFields(workstationId: string, reason: string) {
  return { reason, name: `Dingxing Workstation ${workstationId}`, location: 'Wuhan, CN', contactInfo: '' };
}

/** `verificationAddress`: the city office's verifier page, which the QR code then points to. */
export async function plaquePdf(certificate: PlaqueCertificate, fonts: PdfFonts, key: PdfSigningKey, signingTime: Date, verificationAddress: string | null = null): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `星级平安单位证书 ${certificate.number}`,
    subject: certificate.unitName,
    layout: 'landscape',
    margin: 0,
    info: { [qrInfoKey]: certificate.qrPayload, DingxingNumber: certificate.number, [documentInfoKey]: 'plaque' },
    creationDate: signingTime,
  });
  drawPlaque(doc, fonts, { ...certificate, verificationAddress });
  addSignaturePlaceholder(doc, signatureFields(certificate.workstationId, `Star plaque certificate ${certificate.number}`));
  return signPdf(await endToBuffer(doc), key, signingTime);
}

export interface BatchProgress {
  (done: number, total: number): void;
}

/** Every certificate on its own page of one signed PDF; `checkCancelled` runs between pages. */
export async function batchPlaquePdf(certificates: PlaqueCertificate[], fonts: PdfFonts, key: PdfSigningKey, workstationId: string, signingTime: Date, hooks: { progress?: BatchProgress; checkCancelled?: () => void; verificationAddress?: string | null } = {}): Promise<Buffer> {
  const doc = createPdfDocument({ title: `星级平安单位证书（${certificates.length} 张）`, layout: 'landscape', margin: 0, creationDate: signingTime, info: { [documentInfoKey]: 'plaque-batch' } });
  for (const [index, certificate] of certificates.entries()) {
    hooks.checkCancelled?.();
    if (index > 0) doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    drawPlaque(doc, fonts, { ...certificate, verificationAddress: hooks.verificationAddress ?? null });
    hooks.progress?.(index + 1, certificates.length);
    // Let progress events and a cancel reach us between pages.
    if (index % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
  }
  addSignaturePlaceholder(doc, signatureFields(workstationId, `Batch of ${certificates.length} star plaque certificates`));
  return signPdf(await endToBuffer(doc), key, signingTime);
}
