/**
 * The core behind every door: opens (and migrates) the database, knows the workstation, and
 * answers API calls through one dispatcher. Plain Node; never imports `electron`.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { appendAudit } from './audit/audit-log';
import type { AuditEntryInput } from './audit/audit-log';
import { appVersion } from './app-version';
import type { CoreServices } from './core-services';
import { createDispatcher } from './api/dispatch';
import type { Dispatcher } from './api/dispatch';
import { createHandlers } from './api/handlers/index';
import { openDatabase } from './db/open-database';
import type { OpenedDatabase } from './db/open-database';
import { ensureWorkstation } from './workstation/workstation';
import { defaultJobMode } from './jobs/run-job';
import type { JobMode } from './jobs/run-job';
import { seedDatabase } from './seed';

export interface CoreOptions {
  dbFile: string;
  electronVersion?: string | null;
  /** Load the default rubric packs and districts when they are missing (what `init` does). */
  seed?: boolean;
  jobMode?: JobMode;
}

export interface Core {
  services: CoreServices;
  dispatcher: Dispatcher;
  migrated: OpenedDatabase['migrated'];
  close(): void;
}

export function createServices(db: Database, dbFile: string, electronVersion: string | null = null, jobMode: JobMode = defaultJobMode()): CoreServices {
  const workstation = ensureWorkstation(db);
  return {
    db,
    dbFile,
    workstation,
    appVersion,
    electronVersion,
    jobMode,
    dataDir: path.dirname(path.resolve(dbFile)),
    audit(entry: AuditEntryInput) {
      appendAudit(db, workstation.id, entry);
    },
  };
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const opened = await openDatabase(options.dbFile);
  const services = createServices(opened.db, opened.file, options.electronVersion ?? null, options.jobMode);
  if (options.seed !== false) seedDatabase(services);
  // jobs.cancel reaches the dispatcher that runs it; the getter is only called after construction.
  const dispatcher: Dispatcher = createDispatcher(createHandlers(services, () => dispatcher));
  return {
    services,
    dispatcher,
    migrated: opened.migrated,
    close() {
      opened.db.close();
    },
  };
}
