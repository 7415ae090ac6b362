// Files crossing in pieces: order, retries, owners, size, lapse, and where the bytes live.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DxError } from '@shared/api/errors';
import { maxTransferFileBytes, transferChunkBytes } from '@shared/limits';
import { Transfers } from '../../../electron/main/files/transfers';
import { tempDir } from '../../helpers/temp';

/** Every test runs on a fixed clock; file times are set against it. */
const pinnedNow = Date.parse('2026-12-01T10:00:00Z');
const clock = () => pinnedNow;

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DxError ? error.code : 'not a DxError';
  }
}

describe('Transfers', () => {
  it('receives an upload piece by piece, takes a repeated piece once, and keeps the file name', () => {
    const transfers = new Transfers(tempDir(), clock);
    const { uploadId, chunkBytes } = transfers.startUpload('u1', '第48周.dxb', 10);
    expect(chunkBytes).toBe(transferChunkBytes);
    expect(transfers.appendChunk('u1', uploadId, 0, Buffer.from('hello'))).toEqual({ received: 5, complete: false });
    expect(codeOf(() => transfers.takeUpload('u1', uploadId))).toBe('BAD_INPUT');
    // The answer to the first piece was lost and the client sends it again.
    expect(transfers.appendChunk('u1', uploadId, 0, Buffer.from('hello'))).toEqual({ received: 5, complete: false });
    expect(transfers.appendChunk('u1', uploadId, 5, Buffer.from('world'))).toEqual({ received: 10, complete: true });
    const upload = transfers.takeUpload('u1', uploadId);
    expect(fs.readFileSync(upload.file, 'utf8')).toBe('helloworld');
    expect(path.basename(upload.file)).toBe('第48周.dxb');
    transfers.release(uploadId);
    expect(fs.existsSync(upload.file)).toBe(false);
    expect(codeOf(() => transfers.takeUpload('u1', uploadId))).toBe('NOT_FOUND');
  });

  it('refuses a piece out of order, a file longer than declared, and a file over the limit', () => {
    const transfers = new Transfers(tempDir(), clock);
    const { uploadId } = transfers.startUpload('u1', 'a.dxb', 4);
    expect(codeOf(() => transfers.appendChunk('u1', uploadId, 2, Buffer.from('ab')))).toBe('BAD_INPUT');
    expect(codeOf(() => transfers.appendChunk('u1', uploadId, 0, Buffer.from('abcde')))).toBe('BAD_INPUT');
    expect(codeOf(() => transfers.startUpload('u1', 'big.dxb', maxTransferFileBytes + 1))).toBe('TOO_LARGE');
    // Far past the one-call limit of spreadsheets: a season's bundle with its photos.
    expect(codeOf(() => transfers.startUpload('u1', 'season.dxb', 900 * 1024 * 1024))).toBeNull();
    expect(transfers.appendChunk('u1', uploadId, 0, Buffer.from('abcd'))).toEqual({ received: 4, complete: true });
  });

  it('answers another user exactly as it answers an unknown id', () => {
    const transfers = new Transfers(tempDir(), clock);
    const { uploadId } = transfers.startUpload('u1', 'a.dxb', 2);
    expect(codeOf(() => transfers.appendChunk('u2', uploadId, 0, Buffer.from('ab')))).toBe('NOT_FOUND');
    const out = transfers.newFile('x.dxb');
    fs.writeFileSync(out, 'abc');
    const { downloadId } = transfers.offerDownload('u1', out, 'x.dxb');
    expect(codeOf(() => transfers.readDownload('u2', downloadId, 0))).toBe('NOT_FOUND');
    // An upload id is not a download id.
    expect(codeOf(() => transfers.readDownload('u1', uploadId, 0))).toBe('NOT_FOUND');
  });

  it('reads a download in pieces of at most the piece size', () => {
    const transfers = new Transfers(tempDir(), clock);
    const out = transfers.newFile('big.dxb');
    const content = Buffer.alloc(transferChunkBytes * 2 + 7, 9);
    fs.writeFileSync(out, content);
    const { downloadId, bytes } = transfers.offerDownload('u1', out, 'big.dxb');
    expect(bytes).toBe(content.length);
    const first = transfers.readDownload('u1', downloadId, 0);
    expect(first).toMatchObject({ bytes: content.length, nextOffset: transferChunkBytes });
    const last = transfers.readDownload('u1', downloadId, transferChunkBytes * 2);
    expect(last.data).toHaveLength(7);
    expect(last.nextOffset).toBeNull();
    expect(codeOf(() => transfers.readDownload('u1', downloadId, content.length + 1))).toBe('BAD_INPUT');
  });

  it('discards a file that will not be offered, with the folder that kept its name', () => {
    const transfers = new Transfers(tempDir(), clock);
    const file = transfers.newFile('week 48.dxb');
    expect(path.basename(file)).toBe('week_48.dxb');
    fs.writeFileSync(file, 'partial');
    transfers.discardFile(file);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });

  it('lets a transfer lapse an hour after it was last touched', () => {
    let now = 0;
    const transfers = new Transfers(tempDir(), () => now);
    const { uploadId } = transfers.startUpload('u1', 'a.dxb', 2);
    now = 59 * 60 * 1000;
    transfers.appendChunk('u1', uploadId, 0, Buffer.from('a'));
    now += 61 * 60 * 1000;
    expect(codeOf(() => transfers.appendChunk('u1', uploadId, 1, Buffer.from('b')))).toBe('NOT_FOUND');
  });

  it('keeps its pieces beside the database, removes them on close, and clears a crashed run a day after its last write', () => {
    const dataDir = tempDir();
    const twoDaysAgo = (pinnedNow - 2 * 24 * 3600 * 1000) / 1000;
    const aMinuteAgo = (pinnedNow - 60 * 1000) / 1000;
    const crashed = path.join(dataDir, 'transfers', 'run-1-dead');
    // A serve started days ago that received a file a minute ago: alive, whatever its name says.
    const longRunning = path.join(dataDir, 'transfers', 'run-2-live');
    for (const folder of [crashed, longRunning]) {
      fs.mkdirSync(path.join(folder, 'transfer'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'transfer', 'week-48.dxb'), 'x');
      fs.utimesSync(path.join(folder, 'transfer'), twoDaysAgo, twoDaysAgo);
      fs.utimesSync(folder, twoDaysAgo, twoDaysAgo);
    }
    fs.utimesSync(path.join(crashed, 'transfer', 'week-48.dxb'), twoDaysAgo, twoDaysAgo);
    fs.utimesSync(path.join(longRunning, 'transfer', 'week-48.dxb'), aMinuteAgo, aMinuteAgo);
    const transfers = new Transfers(dataDir, clock);
    expect(fs.existsSync(crashed)).toBe(false);
    expect(fs.existsSync(longRunning)).toBe(true);
    const { uploadId } = transfers.startUpload('u1', '../../etc/passwd', 1);
    transfers.appendChunk('u1', uploadId, 0, Buffer.from('x'));
    const { file } = transfers.takeUpload('u1', uploadId);
    expect(file.startsWith(path.join(dataDir, 'transfers') + path.sep)).toBe(true);
    expect(path.basename(file)).toBe('passwd');
    transfers.close();
    expect(fs.existsSync(file)).toBe(false);
  });
});
