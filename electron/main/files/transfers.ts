/**
 * Large files crossing a door in pieces: uploads being received and exports waiting to be read.
 * The pieces land in a folder of this run under `<data>/transfers/`, on the database's disk rather
 * than in memory or a RAM-backed /tmp, so a 2 GB bundle costs neither. Ids are random and belong
 * to the user who made them; a transfer lapses after an hour and a run's folder goes with the run
 * (or, after a pulled plug, with a later run once nothing in it was written for a day).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import { formatMegabytes, maxTransferFileBytes, transferChunkBytes } from '@shared/limits';
import { privateFolder, writePrivateFile } from './private-files';

const lapseMs = 60 * 60 * 1000;
const leftoverMs = 24 * 60 * 60 * 1000;

interface Transfer {
  kind: 'upload' | 'download';
  ownerId: string;
  fileName: string;
  file: string;
  bytes: number;
  /** Uploads: bytes received so far, always a prefix of the file. */
  received: number;
  touchedAt: number;
}

export interface ReceivedFile {
  file: string;
  fileName: string;
}

export class Transfers {
  private readonly folder: string;
  private readonly transfers = new Map<string, Transfer>();
  private madeFolders = false;

  /** `now` is the core's clock in milliseconds; a crashed run's folder is judged by its files' times against it. */
  constructor(dataDir: string, private readonly now: () => number) {
    const root = path.join(dataDir, 'transfers');
    removeLeftovers(root, now());
    this.folder = path.join(root, `run-${now()}-${randomBytes(4).toString('hex')}`);
  }

  startUpload(ownerId: string, fileName: string, bytes: number): { uploadId: string; chunkBytes: number } {
    if (bytes > maxTransferFileBytes) throw new DxError('TOO_LARGE', `文件超过 ${formatMegabytes(maxTransferFileBytes)} 的上限 / the file is over the ${formatMegabytes(maxTransferFileBytes)} limit`, { limitBytes: maxTransferFileBytes });
    const uploadId = this.add({ kind: 'upload', ownerId, fileName, bytes, received: 0 });
    writePrivateFile(this.get(ownerId, uploadId, 'upload').file, '');
    return { uploadId, chunkBytes: transferChunkBytes };
  }

  /** Appends the piece at `offset`; a piece already received (a retry after a lost answer) is taken once. */
  appendChunk(ownerId: string, uploadId: string, offset: number, data: Buffer): { received: number; complete: boolean } {
    const upload = this.get(ownerId, uploadId, 'upload');
    const answer = () => ({ received: upload.received, complete: upload.received === upload.bytes });
    if (offset + data.length <= upload.received) return answer();
    if (offset !== upload.received) {
      throw new DxError('BAD_INPUT', `文件片段顺序有误：应从第 ${upload.received} 字节开始，收到第 ${offset} 字节 / piece out of order: expected byte ${upload.received}, got ${offset}`, { expectedOffset: upload.received });
    }
    if (offset + data.length > upload.bytes) {
      throw new DxError('BAD_INPUT', `文件比开始时声明的 ${upload.bytes} 字节长 / the file is longer than the ${upload.bytes} bytes declared`);
    }
    fs.appendFileSync(upload.file, data);
    upload.received += data.length;
    return answer();
  }

  /** A whole upload, for the call that uses it; `release` removes it afterwards. */
  takeUpload(ownerId: string, uploadId: string): ReceivedFile {
    const upload = this.get(ownerId, uploadId, 'upload');
    if (upload.received !== upload.bytes) {
      throw new DxError('BAD_INPUT', `文件尚未传完（${upload.received}/${upload.bytes} 字节）/ the file has not fully arrived (${upload.received} of ${upload.bytes} bytes)`);
    }
    return { file: upload.file, fileName: upload.fileName };
  }

  /**
   * A fresh path for a file about to be offered for download, in a folder of its own so that
   * the file keeps the name people see (reports and histories record a file's base name).
   */
  newFile(fileName: string): string {
    const folder = path.join(this.folder, randomBytes(12).toString('hex'));
    if (!this.madeFolders) {
      privateFolder(path.dirname(this.folder));
      privateFolder(this.folder);
      this.madeFolders = true;
    }
    privateFolder(folder);
    return path.join(folder, safeFileName(fileName));
  }

  /** Removes a `newFile()` path that will not be offered (a failed export, a one-call import done with). */
  discardFile(file: string): void {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  /** Offers a finished file (written at a `newFile()` path) to its owner. */
  offerDownload(ownerId: string, file: string, fileName: string): { downloadId: string; fileName: string; bytes: number } {
    const bytes = fs.statSync(file).size;
    const downloadId = this.add({ kind: 'download', ownerId, fileName, bytes, received: bytes }, file);
    return { downloadId, fileName, bytes };
  }

  readDownload(ownerId: string, downloadId: string, offset: number): { data: Buffer; bytes: number; nextOffset: number | null } {
    const download = this.get(ownerId, downloadId, 'download');
    if (offset > download.bytes) throw new DxError('BAD_INPUT', `偏移 ${offset} 超出文件长度 ${download.bytes} / offset ${offset} is past the end (${download.bytes} bytes)`);
    const length = Math.min(transferChunkBytes, download.bytes - offset);
    const data = Buffer.alloc(length);
    const handle = fs.openSync(download.file, 'r');
    try {
      fs.readSync(handle, data, 0, length, offset);
    } finally {
      fs.closeSync(handle);
    }
    const next = offset + length;
    return { data, bytes: download.bytes, nextOffset: next < download.bytes ? next : null };
  }

  release(id: string): void {
    const transfer = this.transfers.get(id);
    if (!transfer) return;
    this.transfers.delete(id);
    fs.rmSync(path.dirname(transfer.file), { recursive: true, force: true });
  }

  /** Everything this run holds goes (the core closes, or a restore replaces the database). */
  close(): void {
    this.transfers.clear();
    fs.rmSync(this.folder, { recursive: true, force: true });
  }

  private add(fields: Omit<Transfer, 'file' | 'touchedAt'>, file?: string): string {
    this.lapse();
    const id = randomBytes(18).toString('base64url');
    this.transfers.set(id, { ...fields, file: file ?? this.newFile(fields.fileName), touchedAt: this.now() });
    return id;
  }

  /** Someone else's id answers exactly as an unknown one: ids are not to be probed. */
  private get(ownerId: string, id: string, kind: Transfer['kind']): Transfer {
    this.lapse();
    const transfer = this.transfers.get(id);
    if (!transfer || transfer.ownerId !== ownerId || transfer.kind !== kind) {
      throw new DxError('NOT_FOUND', `没有这个传输（可能已超过一小时失效）/ no such transfer (it may have lapsed after an hour)`, { reason: 'transfer.unknown' });
    }
    transfer.touchedAt = this.now();
    return transfer;
  }

  private lapse(): void {
    const oldest = this.now() - lapseMs;
    for (const [id, transfer] of this.transfers) if (transfer.touchedAt < oldest) this.release(id);
  }
}

/** A name that stays one file name on every system: no folders, no reserved characters. */
function safeFileName(name: string): string {
  return path.basename(name.replace(/\\/g, '/')).replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\.+/, '').slice(0, 120) || 'file';
}

/**
 * Folders of earlier runs that ended without closing (a pulled plug): nothing in them touched for a
 * day. Judged by what was last written, not by when the run began: a serve left running for days
 * (or the desktop app) shares the folder with every CLI command, and its live transfers stay.
 */
function removeLeftovers(root: string, now: number): void {
  if (!fs.existsSync(root)) return;
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('run-')) continue;
    const folder = path.join(root, entry.name);
    let written: number;
    try {
      written = lastWritten(folder);
    } catch {
      // Its run is removing a transfer at this moment: it is alive.
      continue;
    }
    if (now - written > leftoverMs) fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The newest modification time of a run folder, its transfer folders and their files. */
function lastWritten(runFolder: string): number {
  let newest = fs.statSync(runFolder).mtimeMs;
  for (const transfer of fs.readdirSync(runFolder, { withFileTypes: true })) {
    const folder = path.join(runFolder, transfer.name);
    newest = Math.max(newest, fs.statSync(folder).mtimeMs);
    if (!transfer.isDirectory()) continue;
    for (const file of fs.readdirSync(folder)) newest = Math.max(newest, fs.statSync(path.join(folder, file)).mtimeMs);
  }
  return newest;
}
