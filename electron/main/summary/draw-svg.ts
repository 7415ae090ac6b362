/** Draws an SVG (a chart) into a pdfkit page as vectors, with every text in the app's CJK font. */
import SVGtoPDF from 'svg-to-pdfkit';
import type { PdfDoc } from '../pdf/document';
import type { PdfFonts } from '../pdf/fonts';

export function drawSvg(doc: PdfDoc, fonts: PdfFonts, svg: string, box: { x: number; y: number; width: number; height: number }): void {
  SVGtoPDF(doc, svg, box.x, box.y, {
    width: box.width,
    height: box.height,
    assumePt: false,
    // A name, not the font object: pdfkit finds a named font in its cache (see pdf/text.ts).
    fontCallback: (_family: string, bold: boolean) => {
      const font = bold ? fonts.bold : fonts.regular;
      doc.registerFont(font.postscriptName, font as never, font.postscriptName);
      return font.postscriptName;
    },
    warningCallback: () => undefined,
  });
}
