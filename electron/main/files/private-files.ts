/**
 * The workstation's data is private to the account that runs it: on Linux and macOS the database
 * (and SQLite's -wal and -shm, which take the database file's mode), backups, bundles, evidence
 * and transfers are created 0600 and their folders 0700, so another local account cannot read
 * them. Windows keeps its own default (a profile folder only its user can read), since Node's
 * modes mean nothing there. A file is created private rather than tightened afterwards, so its
 * bytes are never readable by others even for a moment.
 */
import fs from 'node:fs';

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/** Whether modes are set at all (not on Windows). */
export const setsModes = process.platform !== 'win32';

function chmodQuietly(target: string, mode: number): void {
  if (!setsModes) return;
  try {
    fs.chmodSync(target, mode);
  } catch {
    // Not ours to change (another account's file, a read-only disk): leave it as it is.
  }
}

/** A folder of the app's own (backups/, evidence/, transfers/): made 0700, tightened if it was looser. */
export function privateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  chmodQuietly(folder, privateFolderMode);
}

/** A folder that may be someone's own (the one a --db file sits in): made 0700 when it is new, else left alone. */
export function folderFor(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: privateFolderMode });
}

/** Tightens an existing file of the app's to 0600. */
export function restrictFile(file: string): void {
  if (fs.existsSync(file)) chmodQuietly(file, privateFileMode);
}

/** An empty private file for a writer that opens an existing file (SQLite's backup, a stream); an existing one keeps its bytes. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', privateFileMode));
  chmodQuietly(file, privateFileMode);
}

export function writePrivateFile(file: string, bytes: Uint8Array | string): void {
  fs.writeFileSync(file, bytes, { mode: privateFileMode });
  chmodQuietly(file, privateFileMode);
}
