/**
 * Evidence files on disk, content-addressed: <dataDir>/evidence/<sha256[0..2]>/<sha256>. The same
 * bytes are stored once however many items or assessments refer to them; a file is written to a
 * temporary name and renamed, so a crash never leaves half a file under a valid hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateFolder, writePrivateFile } from '../files/private-files';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function evidencePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'evidence', sha256.slice(0, 2), sha256);
}

/** Writes the bytes unless a file with that hash is already there; returns the hash. */
export function storeEvidenceFile(dataDir: string, bytes: Uint8Array): string {
  const sha256 = sha256Of(bytes);
  const target = evidencePath(dataDir, sha256);
  if (fs.existsSync(target)) return sha256;
  privateFolder(path.dirname(path.dirname(target)));
  privateFolder(path.dirname(target));
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writePrivateFile(temporary, bytes);
  fs.renameSync(temporary, target);
  return sha256;
}

export function readEvidenceFile(dataDir: string, sha256: string): Buffer {
  return fs.readFileSync(evidencePath(dataDir, sha256));
}
