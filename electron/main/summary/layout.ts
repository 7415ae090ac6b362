/** Page furniture of the summary reports: headings, key–value rows, tables that break across pages with their header. */
import type { PdfDoc } from '../pdf/document';
import type { PdfFonts } from '../pdf/fonts';
import { drawFittedLine, drawLine, drawParagraph } from '../pdf/text';

export const colours = { red: '#9B1B1B', ink: '#1A1A1A', grey: '#555555', rule: '#BBBBBB', band: '#F4F1EA' } as const;
export const margin = 50;

export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - margin * 2;
}

export function ensureRoom(doc: PdfDoc, needed: number): boolean {
  if (doc.y + needed > doc.page.height - margin - 16) {
    doc.addPage();
    doc.y = margin;
    return true;
  }
  return false;
}

export function heading(doc: PdfDoc, fonts: PdfFonts, text: string): void {
  ensureRoom(doc, 60);
  doc.y += 10;
  const y = doc.y;
  drawLine(doc, fonts, text, { x: margin, y, size: 13, weight: 'bold', color: colours.red });
  doc.save().lineWidth(0.6).strokeColor(colours.red).moveTo(margin, y + 19).lineTo(doc.page.width - margin, y + 19).stroke().restore();
  doc.y = y + 27;
}

export function keyValueRows(doc: PdfDoc, fonts: PdfFonts, rows: [string, string][], keyWidth = 120): void {
  for (const [key, value] of rows) {
    ensureRoom(doc, 18);
    const y = doc.y;
    drawLine(doc, fonts, key, { x: margin, y, size: 10, color: colours.grey });
    drawParagraph(doc, fonts, value, { x: margin + keyWidth, y, width: contentWidth(doc) - keyWidth, size: 10, color: colours.ink });
    doc.y = Math.max(doc.y, y + 15) + 2;
  }
}

export function numberedParagraphs(doc: PdfDoc, fonts: PdfFonts, lines: { text: string; failed?: boolean }[]): void {
  lines.forEach((line, index) => {
    ensureRoom(doc, 30);
    const y = doc.y;
    drawLine(doc, fonts, `${index + 1}.`, { x: margin, y, size: 10, color: colours.grey });
    drawParagraph(doc, fonts, line.text, { x: margin + 18, y, width: contentWidth(doc) - 18, size: 10, color: line.failed ? colours.red : colours.ink });
    doc.y = Math.max(doc.y, y + 14) + 3;
  });
}

export interface Column<T> {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  text(row: T): string;
  colour?(row: T): string | undefined;
}

/** One line per row (text shrinks to fit its cell), the header repeated on every page. */
export function table<T>(doc: PdfDoc, fonts: PdfFonts, columns: Column<T>[], rows: readonly T[], size = 9): void {
  const rowHeight = size + 6;
  const header = () => {
    const y = doc.y;
    doc.save().rect(margin, y - 2, contentWidth(doc), rowHeight + 2).fill(colours.band).restore();
    let x = margin;
    for (const column of columns) {
      drawLine(doc, fonts, column.title, { x: x + 3, y: y + 1, size, weight: 'bold', color: colours.grey, width: column.width - 6, align: column.align ?? 'left' });
      x += column.width;
    }
    doc.y = y + rowHeight + 2;
  };
  ensureRoom(doc, rowHeight * 3);
  header();
  for (const row of rows) {
    if (ensureRoom(doc, rowHeight)) header();
    const y = doc.y;
    let x = margin;
    for (const column of columns) {
      const text = column.text(row);
      if (text !== '') drawFittedLine(doc, fonts, text, { x: x + 3, y, size, minSize: 6, color: column.colour?.(row) ?? colours.ink, width: column.width - 6, align: column.align ?? 'left' });
      x += column.width;
    }
    doc.y = y + rowHeight;
    doc.save().lineWidth(0.3).strokeColor(colours.rule).moveTo(margin, doc.y - 2).lineTo(doc.page.width - margin, doc.y - 2).stroke().restore();
  }
}

/** The report's name and the page number at the foot of this page and of every page added after it. */
export function pageFooters(doc: PdfDoc, fonts: PdfFonts, text: string): void {
  let page = 0;
  const draw = () => {
    page += 1;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    drawLine(doc, fonts, `${text}\u3000第 ${page} 页`, { x: margin, y: doc.page.height - 34, size: 8, color: colours.grey, width: contentWidth(doc), align: 'center' });
    doc.page.margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
  };
  draw();
  doc.on('pageAdded', draw);
}
