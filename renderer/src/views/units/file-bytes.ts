/**
 * Reads a picked file into base64 for the API without freezing the page: the engine's own
 * `Uint8Array.prototype.toBase64` (Chromium 140+, ~10 ms for 10 MB) where it exists, else the
 * browser's data: URL reader. Encoding a 10 MB file in script froze the page for ~0.5 s.
 */
type WithBase64 = Uint8Array & { toBase64?: () => string };

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer()) as WithBase64;
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The one limit for an imported file (shared/limits.ts), checked here before it is read. */
export { maxImportFileBytes as maxImportBytes } from '@shared/limits';
