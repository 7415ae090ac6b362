/** Saves bytes the core made (an Excel workbook, a PDF, a bundle) as a file, the same way in Electron and a browser. */
export function base64ToBytes(contentBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // A large file is still being written out when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadBase64(fileName: string, mime: string, contentBase64: string): void {
  downloadBlob(fileName, new Blob([base64ToBytes(contentBase64)], { type: mime }));
}
