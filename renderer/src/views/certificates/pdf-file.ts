/** PDFs that arrive as base64 from the API: opened in a new window (where the browser prints them) or read from a dropped file. */

export function pdfUrl(pdfBase64: string): string {
  const bytes = Uint8Array.from(atob(pdfBase64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * Opens the PDF in a new window (where the browser's viewer prints it). When the window is blocked,
 * the file is downloaded instead; returns whether it opened.
 */
export function openPdf(pdfBase64: string, fileName: string): boolean {
  const url = pdfUrl(pdfBase64);
  // Revoke later: the new window needs the URL while it loads.
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60 * 1000);
  // Not 'noopener' as a feature: then window.open always returns null and a block cannot be told apart.
  const opened = window.open(url, '_blank');
  if (opened) {
    opened.opener = null;
    return true;
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  return false;
}

export async function fileToBase64(file: File): Promise<string> {
  const buffer = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < buffer.length; index += 0x8000) binary += String.fromCharCode(...buffer.subarray(index, index + 0x8000));
  return btoa(binary);
}
