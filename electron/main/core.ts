/**
 * The core behind every door: opens (and migrates) the database, knows the workstation, and
 * answers API calls through one dispatcher. Plain Node; never imports `electron`.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { appendAudit } from './audit/audit-log';
import { createCheckpointer } from './audit/checkpointer';
import type { Checkpointer } from './audit/checkpointer';
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
import { nodePlatform } from './platform';
import type { Platform } from './platform';
import { seedDatabase } from './seed';
import { Transfers } from './files/transfers';
import { WriteGate } from './jobs/write-gate';
import { defaultIdleLockMs } from './users/session-registry';
import { Sessions } from './users/sessions';
import { ImportSessions } from './units/import/import-sessions';

export interface CoreOptions {
  dbFile: string;
  electronVersion?: string | null;
  /** Load the default rubric packs and districts when they are missing (what `init` does). */
  seed?: boolean;
  jobMode?: JobMode;
  platform?: Platform;
  /** How long a session may sit without a call before it locks (15 minutes). */
  idleLockMs?: number;
}

export interface Core {
  services: CoreServices;
  dispatcher: Dispatcher;
  migrated: OpenedDatabase['migrated'];
  /** Signs audit checkpoints (every so many entries, and on demand). */
  checkpoints: Checkpointer;
  close(): void;
}

export interface ServiceOptions {
  electronVersion?: string | null;
  jobMode?: JobMode;
  platform?: Platform;
  idleLockMs?: number;
}

export function createServices(db: Database, dbFile: string, options: ServiceOptions = {}): CoreServices {
  const platform = options.platform ?? nodePlatform();
  const workstation = ensureWorkstation(db, platform.now());
  const dataDir = path.dirname(path.resolve(dbFile));
  return {
    db,
    dbFile,
    workstation,
    appVersion,
    electronVersion: options.electronVersion ?? null,
    jobMode: options.jobMode ?? defaultJobMode(),
    dataDir,
    platform,
    sessions: new Sessions(db, options.idleLockMs ?? defaultIdleLockMs, () => platform.now().getTime()),
    writeGate: new WriteGate(),
    importSessions: new ImportSessions(() => platform.now().getTime()),
    transfers: new Transfers(dataDir, () => platform.now().getTime()),
    audit(entry: AuditEntryInput) {
      appendAudit(db, workstation.id, entry, platform.now());
    },
  };
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const platform = options.platform ?? nodePlatform();
  const opened = await openDatabase(options.dbFile, { now: () => platform.now() });
  const services = createServices(opened.db, opened.file, { ...options, platform });
  if (options.seed !== false) seedDatabase(services);
  // jobs.cancel reaches the dispatcher that runs it; the getter is only called after construction.
  const checkpoints = createCheckpointer(services);
  const dispatcher: Dispatcher = createDispatcher(createHandlers(services, () => dispatcher), {
    resolveCaller: (caller) => services.sessions.resolve(caller),
    touchSession: (session) => services.sessions.registry.touch(session),
    afterCall: () => checkpoints.ifDue(),
  });
  return {
    services,
    dispatcher,
    migrated: opened.migrated,
    checkpoints,
    close() {
      services.transfers.close();
      opened.db.close();
    },
  };
}
