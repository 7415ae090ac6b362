/** Writes named buffers into a zip file (yazl), to a temporary name renamed into place at the end. */
import fs from 'node:fs';
import { privateFileMode } from '../files/private-files';
import { removeLeftovers, temporaryNameFor } from '../files/atomic-file';
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
  /** Photos and PDFs are compressed already: stored as they are. */
  compress: boolean;
}

/** A fixed time for every entry, so the same content gives the same zip. */
const entryTime = new Date('2020-01-01T00:00:00Z');

export async function writeZip(target: string, entries: readonly ZipEntry[]): Promise<number> {
  removeLeftovers(target);
  const temporary = temporaryNameFor(target);
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.bytes, entry.name, { compress: entry.compress, mtime: entryTime, mode: 0o100644 });
  zip.end();
  try {
    await new Promise<void>((resolve, reject) => {
      // A bundle holds the workstation's records: private like the database (files/private-files.ts).
      const out = fs.createWriteStream(temporary, { mode: privateFileMode });
      out.on('error', reject);
      out.on('close', () => resolve());
      zip.outputStream.on('error', reject);
      zip.outputStream.pipe(out);
    });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return fs.statSync(target).size;
}
