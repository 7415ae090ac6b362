/**
 * Drawing text with per-character font fallback on a pdfkit page. pdfkit draws one font at a
 * time, so a line is measured run by run and each run placed at its own x.
 */
import type PDFDocument from 'pdfkit';
import type { FontWeight, PdfFonts } from './fonts';
import { textRuns } from './fonts';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Selects a parsed font by name: pdfkit looks a named font up in its cache, but a font object
 * without a name is opened anew and compared by JSON-serialising its name table on every call
 * (most of the time of a long table).
 */
function useFont(doc: Doc, font: PdfFonts['regular']): Doc {
  return doc.font(font as never, font.postscriptName);
}

export interface LineOptions {
  x: number;
  y: number;
  size: number;
  weight?: FontWeight;
  /** With `width`: where the line sits in the box. */
  align?: 'left' | 'center' | 'right';
  width?: number;
  color?: string;
  /** Extra space between characters, in points. */
  characterSpacing?: number;
}

/** The width of `text` on one line at `size`, fallbacks included. */
export function lineWidth(doc: Doc, fonts: PdfFonts, text: string, size: number, weight: FontWeight = 'regular', characterSpacing = 0): number {
  let width = 0;
  for (const run of textRuns(fonts, text, weight)) {
    useFont(doc, run.font).fontSize(size);
    width += doc.widthOfString(run.text, { characterSpacing });
  }
  return width;
}

/** Draws `text` as one line (no wrapping); returns its width. */
export function drawLine(doc: Doc, fonts: PdfFonts, text: string, options: LineOptions): number {
  const weight = options.weight ?? 'regular';
  const spacing = options.characterSpacing ?? 0;
  const width = lineWidth(doc, fonts, text, options.size, weight, spacing);
  let x = options.x;
  if (options.width !== undefined && options.align === 'center') x += (options.width - width) / 2;
  if (options.width !== undefined && options.align === 'right') x += options.width - width;
  if (options.color) doc.fillColor(options.color);
  for (const run of textRuns(fonts, text, weight)) {
    useFont(doc, run.font).fontSize(options.size);
    doc.text(run.text, x, options.y, { lineBreak: false, characterSpacing: spacing });
    x += doc.widthOfString(run.text, { characterSpacing: spacing });
  }
  return width;
}

/** The largest size up to `size` at which `text` fits `maxWidth` on one line. */
export function fitSize(doc: Doc, fonts: PdfFonts, text: string, size: number, maxWidth: number, weight: FontWeight = 'regular', minSize = 8): number {
  const width = lineWidth(doc, fonts, text, size, weight);
  if (width <= maxWidth) return size;
  return Math.max(minSize, Math.floor((size * maxWidth) / width));
}

/**
 * Draws a paragraph that wraps inside `width`, starting at the document's current y; fallback
 * fonts are switched inside the paragraph with pdfkit's `continued` text.
 */
export function drawParagraph(doc: Doc, fonts: PdfFonts, text: string, options: { x: number; width: number; size: number; weight?: FontWeight; color?: string; y?: number }): void {
  const runs = textRuns(fonts, text, options.weight ?? 'regular');
  if (options.color) doc.fillColor(options.color);
  runs.forEach((run, index) => {
    useFont(doc, run.font).fontSize(options.size);
    const last = index === runs.length - 1;
    if (index === 0) doc.text(run.text, options.x, options.y ?? doc.y, { width: options.width, continued: !last });
    else doc.text(run.text, { continued: !last });
  });
}
