/**
 * Files written whole or not at all: the bytes go to `NAME.PID.RANDOM.tmp` beside the target,
 * are flushed to disk, and the temporary name is renamed over the target in one step. A kill or a
 * pulled plug leaves either the old file (or none) or the whole new one under the name; a partial
 * temporary file left by a process that no longer runs is removed by the next write to the name.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Whether a process with this id runs (a write by it may still be going on). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what a killed write to `target` left behind (`target.PID.N.tmp` of a process no longer running). */
export function removeLeftovers(target: string): void {
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

/** The temporary name a write to `target` uses. */
export function temporaryNameFor(target: string): string {
  return `${target}.${process.pid}.${randomBytes(4).readUInt32BE()}.tmp`;
}

/**
 * Writes `target` whole or not at all (see above): `write` fills the open temporary file, which is
 * then flushed and renamed over the target; `mode` for a new file.
 */
export async function writeAtomically(target: string, write: (handle: fs.promises.FileHandle) => Promise<void>, mode?: number): Promise<void> {
  removeLeftovers(target);
  const temporary = temporaryNameFor(target);
  try {
    const handle = await fs.promises.open(temporary, 'wx', mode);
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

/** Writes `bytes` to `target` whole or not at all; `mode` for a new file. */
export function writeFileAtomically(target: string, bytes: Uint8Array | string, mode?: number): Promise<void> {
  return writeAtomically(target, (handle) => handle.writeFile(bytes), mode);
}
