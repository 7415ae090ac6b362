/**
 * Files at the command line's edge: a bundle goes to the core in pieces (files.startUpload,
 * files.uploadChunk) as the app sends it, and an exported one comes back in pieces
 * (files.readDownload) into the file the person named; neither is ever whole in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import { writeAtomically } from '../files/atomic-file';
import { callCore } from './call-core';
import type { CliCore } from './call-core';

export async function uploadFile(core: CliCore, file: string): Promise<string> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DxError('BAD_INPUT', `无法读取文件 ${file}（${reason}）(cannot read ${file}: ${reason})`, { issues: [{ path: [file], message: reason }] });
  }
  try {
    const { size } = await handle.stat();
    const { uploadId, chunkBytes } = await callCore(core, 'files.startUpload', { fileName: path.basename(file), bytes: size });
    const buffer = Buffer.alloc(Math.max(1, Math.min(chunkBytes, size)));
    for (let offset = 0; offset < size; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - offset), offset);
      if (bytesRead === 0) break;
      await callCore(core, 'files.uploadChunk', { uploadId, offset, dataBase64: buffer.subarray(0, bytesRead).toString('base64') });
      offset += bytesRead;
    }
    return uploadId;
  } finally {
    await handle.close();
  }
}

/**
 * Written under a temporary name beside the target, flushed and renamed over it in one step
 * (files/atomic-file.ts): a command killed mid-download leaves no half bundle under the name.
 */
export async function downloadTo(core: CliCore, downloadId: string, target: string): Promise<number> {
  let written = 0;
  await writeAtomically(target, async (handle) => {
    let offset: number | null = 0;
    while (offset !== null) {
      const piece: { dataBase64: string; nextOffset: number | null } = await callCore(core, 'files.readDownload', { downloadId, offset });
      const bytes = Buffer.from(piece.dataBase64, 'base64');
      await handle.write(bytes, 0, bytes.length, written);
      written += bytes.length;
      offset = piece.nextOffset;
    }
  });
  return written;
}
