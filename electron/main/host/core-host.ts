/**
 * What a door needs of the core besides the contract: opening it (core.ts), holding it open for a
 * door that runs for a long time, and putting a backup in place of its database.
 *
 * hostCore holds the open core for serve and the desktop app: a restore closes the core, restores
 * (which refuses a bad file and leaves the live one untouched), and opens the core again on
 * whatever file is there. Transports talk to one stable dispatcher that always reaches the
 * current core; sessions start afresh, because the restored database has its own users. It
 * also takes the periodic backups once asked to, on whichever core is open.
 */
import path from 'node:path';
import type { JobProgress } from '@shared/api/procedure';
import type { Actor } from '@shared/domain/roles';
import type { Caller, Dispatcher } from '../api/dispatch';
import type { AuditEntryInput } from '../audit/audit-log';
import type { Core, CoreOptions } from './core';
import { restoreDatabase } from '../backups/restore';
import { startBackupSchedule } from '../backups/scheduled-backup';
import { nodePlatform } from '../platform/platform';

export { idleLockMsFrom } from '../users/session-registry';
export { dxErrorOfSqlite } from '../db/sqlite-errors';

export interface RestoreOutcome {
  previousBackup: string | null;
  schemaVersion: number;
}

export interface CoreHost {
  readonly current: Core;
  /** Reaches whichever core is open; progress listeners follow it across a restore. */
  readonly dispatcher: Dispatcher;
  /** Puts the backup in place and records who did it, in the restored database. */
  restore(backupFile: string, actor: Actor): Promise<RestoreOutcome>;
  /** Called with the new core after a restore. */
  onReopen(listener: (core: Core) => void): () => void;
  /** Takes the scheduled backups from now on (and again after a restore) until the host closes. */
  startScheduledBackups(): void;
  close(): void;
}

function backupsOf(core: Core): () => void {
  return startBackupSchedule(core.services.db, { backupDir: path.join(core.services.dataDir, 'backups'), now: () => core.services.platform.now() });
}

export async function hostCore(options: CoreOptions): Promise<CoreHost> {
  const platform = { ...(options.platform ?? nodePlatform()) };
  const { openCore } = await import('./core');
  const open = () => openCore({ ...options, platform });
  let core = await open();
  let scheduled = false;
  let stopBackups = () => undefined as void;
  const progressListeners = new Set<(progress: JobProgress) => void>();
  const reopenListeners = new Set<(core: Core) => void>();
  let unsubscribe = core.dispatcher.onProgress((progress) => progressListeners.forEach((listener) => listener(progress)));
  let restoring: Promise<RestoreOutcome> | null = null;

  async function restore(backupFile: string, actor: Actor): Promise<RestoreOutcome> {
    const dbFile = core.services.dbFile;
    unsubscribe();
    stopBackups();
    core.close();
    try {
      // The entry goes into the restored copy itself, before it replaces the live file.
      const result = await restoreDatabase(backupFile, dbFile, () => platform.now(), restoreEntry(backupFile, actor));
      return { previousBackup: result.previousBackup, schemaVersion: result.schemaVersion };
    } finally {
      // Whatever happened, the door keeps a working core: the restored file, or the untouched one.
      core = await open();
      unsubscribe = core.dispatcher.onProgress((progress) => progressListeners.forEach((listener) => listener(progress)));
      if (scheduled) stopBackups = backupsOf(core);
      for (const listener of reopenListeners) listener(core);
    }
  }

  platform.restoreFrom = (backupFile, actor) => {
    // One restore at a time; a second click waits for the first and is refused by it.
    restoring ??= restore(backupFile, actor).finally(() => (restoring = null));
    return restoring;
  };

  const dispatcher: Dispatcher = {
    dispatch: (name: string, input: unknown, caller: Caller, jobId?: string) => core.dispatcher.dispatch(name, input, caller, jobId),
    cancel: (jobId) => core.dispatcher.cancel(jobId),
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  };

  return {
    get current() {
      return core;
    },
    dispatcher,
    startScheduledBackups() {
      if (scheduled) return;
      scheduled = true;
      stopBackups = backupsOf(core);
    },
    restore: (file, actor) => platform.restoreFrom?.(file, actor) ?? restore(file, actor),
    onReopen(listener) {
      reopenListeners.add(listener);
      return () => reopenListeners.delete(listener);
    },
    close() {
      unsubscribe();
      stopBackups();
      core.close();
    },
  };
}

/**
 * Puts a backup in place of a database no door holds open (`dingxing restore`): the file is
 * checked and staged first (a bad one changes nothing), the replaced database is kept as a
 * backup, and the restored one is opened once, so an older backup is migrated at once (with its
 * own pre-migration backup), and the restore is recorded in it as `actor`'s.
 */
export async function restoreIntoDatabase(options: CoreOptions, backupFile: string, actor: Actor): Promise<RestoreOutcome> {
  const platform = options.platform ?? nodePlatform();
  const result = await restoreDatabase(backupFile, options.dbFile, () => platform.now(), restoreEntry(backupFile, actor));
  const { openCore } = await import('./core');
  (await openCore({ ...options, platform })).close();
  return { previousBackup: result.previousBackup, schemaVersion: result.schemaVersion };
}

/** The restore's audit entry, written into the restored copy itself before it replaces the live file. */
function restoreEntry(backupFile: string, actor: Actor): AuditEntryInput {
  return { actor: actor.userId, action: 'restore', subject: path.basename(backupFile), data: { file: backupFile } };
}
