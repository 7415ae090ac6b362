/** Reads a picked file into base64 for the API (chunked: String.fromCharCode on a whole 20 MB array overflows the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

/** The one limit for an imported file (shared/limits.ts), checked here before it is read. */
export { maxImportFileBytes as maxImportBytes } from '@shared/limits';
