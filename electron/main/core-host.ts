/**
 * Holds the open core for a door that runs for a long time (serve, the desktop app) and can put
 * a backup in place of its database: it closes the core, restores (which refuses a bad file and
 * leaves the live one untouched), and opens the core again on whatever file is there. Transports
 * talk to one stable dispatcher that always reaches the current core; sessions start afresh,
 * because the restored database has its own users.
 */
import type { JobProgress } from '@shared/api/procedure';
import type { AuditEntryInput } from './audit/audit-log';
import type { Caller, Dispatcher } from './api/dispatch';
import { openCore } from './core';
import type { Core, CoreOptions } from './core';
import { restoreDatabase } from './db/restore';
import { nodePlatform } from './platform';

export interface RestoreOutcome {
  previousBackup: string | null;
  schemaVersion: number;
}

export interface CoreHost {
  readonly current: Core;
  /** Reaches whichever core is open; progress listeners follow it across a restore. */
  readonly dispatcher: Dispatcher;
  restore(backupFile: string, audit: AuditEntryInput): Promise<RestoreOutcome>;
  /** Called with the new core after a restore (e.g. to restart the backup schedule). */
  onReopen(listener: (core: Core) => void): () => void;
  close(): void;
}

export async function hostCore(options: CoreOptions): Promise<CoreHost> {
  const platform = { ...(options.platform ?? nodePlatform()) };
  const open = () => openCore({ ...options, platform });
  let core = await open();
  const progressListeners = new Set<(progress: JobProgress) => void>();
  const reopenListeners = new Set<(core: Core) => void>();
  let unsubscribe = core.dispatcher.onProgress((progress) => progressListeners.forEach((listener) => listener(progress)));
  let restoring: Promise<RestoreOutcome> | null = null;

  async function restore(backupFile: string, audit: AuditEntryInput): Promise<RestoreOutcome> {
    const dbFile = core.services.dbFile;
    unsubscribe();
    core.close();
    try {
      // The entry goes into the restored copy itself, before it replaces the live file.
      const result = await restoreDatabase(backupFile, dbFile, () => platform.now(), audit);
      return { previousBackup: result.previousBackup, schemaVersion: result.schemaVersion };
    } finally {
      // Whatever happened, the door keeps a working core: the restored file, or the untouched one.
      core = await open();
      unsubscribe = core.dispatcher.onProgress((progress) => progressListeners.forEach((listener) => listener(progress)));
      for (const listener of reopenListeners) listener(core);
    }
  }

  platform.restoreFrom = (backupFile, audit) => {
    // One restore at a time; a second click waits for the first and is refused by it.
    restoring ??= restore(backupFile, audit).finally(() => (restoring = null));
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
    restore: (file, audit) => platform.restoreFrom?.(file, audit) ?? restore(file, audit),
    onReopen(listener) {
      reopenListeners.add(listener);
      return () => reopenListeners.delete(listener);
    },
    close() {
      unsubscribe();
      core.close();
    },
  };
}
