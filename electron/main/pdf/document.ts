/** Making a pdfkit document the app's way, and collecting it into one Buffer. */
import PDFDocument from 'pdfkit';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export interface PdfDocumentOptions {
  title: string;
  subject?: string;
  size?: 'A4';
  layout?: 'portrait' | 'landscape';
  /** Page margins in points (0 for plaques drawn edge to edge). */
  margin?: number;
  /** Extra Info dictionary entries (ASCII), e.g. the certificate's QR text. */
  info?: Record<string, string>;
  /** From the core's clock, or fixed so two renderings of one record are byte-comparable. */
  creationDate: Date;
}

export function createPdfDocument(options: PdfDocumentOptions): PdfDoc {
  const creationDate = options.creationDate;
  const info: Record<string, string | Date> = {
    Title: options.title,
    Author: 'Dingxing Assessment Workstation',
    Creator: 'dingxing',
    Producer: 'dingxing (pdfkit)',
    CreationDate: creationDate,
    ModDate: creationDate,
    ...(options.subject ? { Subject: options.subject } : {}),
    ...(options.info ?? {}),
  };
  return new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 56,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: info as never,
  });
}

/** Ends the document and resolves with its bytes. */
export function endToBuffer(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
