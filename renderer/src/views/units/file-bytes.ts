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

/** The HTTP transport takes 32 MB bodies; base64 grows a file by 4/3. */
export const maxImportBytes = 24 * 1024 * 1024;
