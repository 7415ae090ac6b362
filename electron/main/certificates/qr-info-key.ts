/**
 * The key of the PDF Info entry that carries a certificate's signed QR text: written by
 * plaque-pdf.ts, read by verify.ts. On its own so that verifying loads no PDF-drawing code.
 */
export const qrInfoKey = 'DingxingQR';
