/** Draws an SVG (a chart) into a pdfkit page as vectors, with every text in the app's CJK font. */
import SVGtoPDF from 'svg-to-pdfkit';
import type { PdfDoc } from '../pdf/document';
import type { PdfFonts } from '../pdf/fonts';

export function drawSvg(doc: PdfDoc, fonts: PdfFonts, svg: string, box: { x: number; y: number; width: number; height: number }): void {
  SVGtoPDF(doc, svg, box.x, box.y, {
    width: box.width,
    height: box.height,
    assumePt: false,
    fontCallback: (_family: string, bold: boolean) => (bold ? fonts.bold : fonts.regular) as never,
    warningCallback: () => undefined,
  });
}
