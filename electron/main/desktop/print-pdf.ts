/**
 * Printing a PDF from the desktop app: the file opens in the system's PDF viewer, whose print
 * dialog knows the printers and paper (Electron cannot print a PDF document directly).
 */
import { shell } from 'electron';

export async function printPdf(pdfFile: string): Promise<void> {
  const problem = await shell.openPath(pdfFile);
  if (problem) throw new Error(`Cannot open ${pdfFile} for printing: ${problem}`);
}
