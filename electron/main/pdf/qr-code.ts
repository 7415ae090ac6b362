/**
 * A QR code drawn as vector squares (sharp at any print resolution; decodes with zbarimg from a
 * rendered page). Dark modules of a row are merged into runs so a page has a few hundred
 * rectangles, not thousands.
 */
import QRCode from 'qrcode';
import type { PdfDoc } from './document';

export interface QrPlacement {
  x: number;
  y: number;
  /** Side of the code without its quiet zone, in points. */
  size: number;
  color?: string;
}

/** Draws `text` (ASCII) as a QR code, error correction M; returns the module count. */
export function drawQrCode(doc: PdfDoc, text: string, placement: QrPlacement): number {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = code.modules.size;
  const data = code.modules.data;
  const unit = placement.size / count;
  doc.save();
  // The quiet zone (4 modules) stays white whatever is behind it.
  doc.rect(placement.x - 4 * unit, placement.y - 4 * unit, placement.size + 8 * unit, placement.size + 8 * unit).fill('#FFFFFF');
  for (let row = 0; row < count; row += 1) {
    let column = 0;
    while (column < count) {
      if (!data[row * count + column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < count && data[row * count + column]) column += 1;
      doc.rect(placement.x + start * unit, placement.y + row * unit, (column - start) * unit, unit);
    }
  }
  doc.fill(placement.color ?? '#000000');
  doc.restore();
  return count;
}
