/** A consistent copy of the open database, taken online (SQLite's backup API) with progress, and audited. */
import fs from 'node:fs';
import { DxError } from '@shared/api/errors';
import type { DomainContext } from '../context/domain-context';
import { createPrivateFile } from '../files/private-files';

export interface BackupProgress {
  progress?(done: number, total: number): void;
  /** Throws to stop the backup; the partial file is removed. */
  throwIfCancelled?(): void;
}

/** Writes the copy to `file` (0600 from its first byte) and records it; a failed copy leaves no file. */
export async function backupDatabase(ctx: DomainContext, file: string, hooks: BackupProgress = {}): Promise<{ file: string; bytes: number }> {
  try {
    createPrivateFile(file);
    await ctx.db.backup(file, {
      progress({ totalPages, remainingPages }) {
        hooks.progress?.(totalPages - remainingPages, totalPages);
        // Throwing from the progress callback is how better-sqlite3 aborts a backup.
        hooks.throwIfCancelled?.();
        return 200;
      },
    });
  } catch (error) {
    fs.rmSync(file, { force: true });
    if (error instanceof DxError) throw error;
    throw new DxError('INTERNAL', `Backup failed: ${(error as Error).message}`);
  }
  ctx.audit({ action: 'backup', subject: file });
  return { file, bytes: fs.statSync(file).size };
}
