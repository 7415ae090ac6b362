// Moves a file through files.* the way the renderer does: in pieces, each one call.
import type { Core } from '../../electron/main/host/core';
import type { Caller } from '../../electron/main/api/dispatch';

async function ok<T>(promise: Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export async function uploadFile(core: Core, caller: Caller, fileName: string, bytes: Buffer): Promise<string> {
  const { uploadId, chunkBytes } = await ok<{ uploadId: string; chunkBytes: number }>(core.dispatcher.dispatch('files.startUpload', { fileName, bytes: bytes.length }, caller));
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await ok(core.dispatcher.dispatch('files.uploadChunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + chunkBytes).toString('base64') }, caller));
  }
  return uploadId;
}

export async function downloadFile(core: Core, caller: Caller, downloadId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const piece: { dataBase64: string; nextOffset: number | null } = await ok(core.dispatcher.dispatch('files.readDownload', { downloadId, offset }, caller));
    pieces.push(Buffer.from(piece.dataBase64, 'base64'));
    offset = piece.nextOffset;
  }
  return Buffer.concat(pieces);
}

/** An exported bundle read back and said to be saved, as the app and the command line do: only then is it sent. */
export async function saveExport(core: Core, caller: Caller, downloadId: string): Promise<Buffer> {
  const bytes = await downloadFile(core, caller, downloadId);
  await ok(core.dispatcher.dispatch('bundles.exportSaved', { downloadId }, caller));
  return bytes;
}
