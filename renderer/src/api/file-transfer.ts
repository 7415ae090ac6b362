/**
 * Files too large for one call cross in pieces through `files.*`: the same procedures in Electron
 * and in a browser, each piece validated on the receiving side like any other call.
 */
import type { Download } from '@shared/api/procedures/files';
import { base64ToBytes, downloadBlob } from '../components/download';
import { api } from './index';

export interface TransferProgress {
  (done: number, total: number): void;
}

/** The file's bytes as base64, read natively (a 4 MB piece is one FileReader call, not a loop). */
function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Sends a chosen file; answers the upload id the using call names. Stops between pieces when `signal` aborts. */
export async function uploadFile(file: File, progress?: TransferProgress, signal?: AbortSignal): Promise<string> {
  const { uploadId, chunkBytes } = await api.call('files.startUpload', { fileName: file.name, bytes: file.size });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    if (signal?.aborted) throw { code: 'CANCELLED', message: 'upload cancelled' };
    const dataBase64 = await blobToBase64(file.slice(offset, offset + chunkBytes));
    await api.call('files.uploadChunk', { uploadId, offset, dataBase64 });
    progress?.(Math.min(offset + chunkBytes, file.size), file.size);
  }
  return uploadId;
}

/** Reads an exported file back piece by piece and saves it under its name. */
export async function saveDownload(download: Download, mime: string, progress?: TransferProgress): Promise<void> {
  const pieces: Blob[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const piece: { dataBase64: string; nextOffset: number | null } = await api.call('files.readDownload', { downloadId: download.downloadId, offset });
    // One Blob per piece lets the browser keep a large file on disk instead of in one buffer.
    pieces.push(new Blob([base64ToBytes(piece.dataBase64)]));
    offset = piece.nextOffset;
    progress?.(offset ?? download.bytes, download.bytes);
  }
  downloadBlob(download.fileName, new Blob(pieces, { type: mime }));
}
