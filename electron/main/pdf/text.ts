/**
 * Drawing text with per-character font fallback on a pdfkit page. pdfkit draws one font at a
 * time, so a line is measured run by run and each run placed at its own x.
 */
import type PDFDocument from 'pdfkit';
import type { FontWeight, PdfFonts } from './fonts';
import { textRuns } from './fonts';
import type { TextRun } from './fonts';

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

/** Each run's width at `size`. */
function runWidths(doc: Doc, runs: readonly TextRun[], size: number, characterSpacing: number): number[] {
  return runs.map((run) => {
    useFont(doc, run.font).fontSize(size);
    return doc.widthOfString(run.text, { characterSpacing });
  });
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The width of `text` on one line at `size`, fallbacks included. */
export function lineWidth(doc: Doc, fonts: PdfFonts, text: string, size: number, weight: FontWeight = 'regular', characterSpacing = 0): number {
  return sum(runWidths(doc, textRuns(fonts, text, weight), size, characterSpacing));
}

/** Draws runs measured already, from `x`. */
function drawRuns(doc: Doc, runs: readonly TextRun[], widths: readonly number[], x: number, y: number, size: number, characterSpacing: number): void {
  let at = x;
  runs.forEach((run, index) => {
    useFont(doc, run.font).fontSize(size);
    doc.text(run.text, at, y, { lineBreak: false, characterSpacing });
    at += widths[index] as number;
  });
}

function alignedX(options: Pick<LineOptions, 'x' | 'width' | 'align'>, width: number): number {
  if (options.width !== undefined && options.align === 'center') return options.x + (options.width - width) / 2;
  if (options.width !== undefined && options.align === 'right') return options.x + options.width - width;
  return options.x;
}

/** Draws `text` as one line (no wrapping); returns its width. */
export function drawLine(doc: Doc, fonts: PdfFonts, text: string, options: LineOptions): number {
  const spacing = options.characterSpacing ?? 0;
  const runs = textRuns(fonts, text, options.weight ?? 'regular');
  const widths = runWidths(doc, runs, options.size, spacing);
  const width = sum(widths);
  if (options.color) doc.fillColor(options.color);
  drawRuns(doc, runs, widths, alignedX(options, width), options.y, options.size, spacing);
  return width;
}

/** The largest size up to `size` at which `text` fits `maxWidth` on one line. */
export function fitSize(doc: Doc, fonts: PdfFonts, text: string, size: number, maxWidth: number, weight: FontWeight = 'regular', minSize = 8): number {
  const width = lineWidth(doc, fonts, text, size, weight);
  if (width <= maxWidth) return size;
  return Math.max(minSize, Math.floor((size * maxWidth) / width));
}

/**
 * A table cell's line: shrunk (down to `minSize`) to fit `width`, as fitSize then drawLine would,
 * measuring the text once (a 10,000-row table draws 60,000 cells).
 */
export function drawFittedLine(doc: Doc, fonts: PdfFonts, text: string, options: LineOptions & { width: number; minSize: number }): void {
  const runs = textRuns(fonts, text, options.weight ?? 'regular');
  const widths = runWidths(doc, runs, options.size, 0);
  const full = sum(widths);
  const size = full <= options.width ? options.size : Math.max(options.minSize, Math.floor((options.size * options.width) / full));
  // Without letter spacing a line's width grows with its size: no second measure.
  const scaled = size === options.size ? widths : widths.map((width) => (width * size) / options.size);
  if (options.color) doc.fillColor(options.color);
  drawRuns(doc, runs, scaled, alignedX(options, sum(scaled)), options.y, size, 0);
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
