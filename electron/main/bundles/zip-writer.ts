/** Writes named buffers into a zip file (yazl), to a temporary name renamed into place at the end. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
  /** Photos and PDFs are compressed already: stored as they are. */
  compress: boolean;
}

/** A fixed time for every entry, so the same content gives the same zip. */
const entryTime = new Date('2020-01-01T00:00:00Z');

/** Whether a process with this id runs (a write by it may still be going on). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what a write to `target` that was killed left behind (`target.PID.TIME.tmp` of a
 * process no longer running): a partial file on a USB stick only confuses whoever finds it
 * (import refuses it as truncated).
 */
function removeLeftovers(target: string): void {
  const name = path.basename(target);
  const folder = path.dirname(target);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const each of names) {
    const pid = each.startsWith(`${name}.`) ? /^\.(\d+)\.\d+\.tmp$/.exec(each.slice(name.length))?.[1] : undefined;
    if (pid !== undefined && !running(Number(pid))) fs.rmSync(path.join(folder, each), { force: true });
  }
}

export async function writeZip(target: string, entries: readonly ZipEntry[]): Promise<number> {
  removeLeftovers(target);
  const temporary = `${target}.${process.pid}.${randomBytes(4).readUInt32BE()}.tmp`;
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.bytes, entry.name, { compress: entry.compress, mtime: entryTime, mode: 0o100644 });
  zip.end();
  try {
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(temporary);
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
