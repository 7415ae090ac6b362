/**
 * The core behind every door: opens (and migrates) the database, knows the workstation, and
 * answers API calls through one dispatcher. Plain Node; never imports `electron`.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createCheckpointer } from './checkpointer';
import type { Checkpointer } from '../audit/checkpoints';
import { appVersion } from '../platform/app-version';
import type { CoreServices } from '../api/core-services';
import { createDispatcher } from '../api/dispatch';
import { domainContext } from '../context/domain-context';
import type { DomainContext } from '../context/domain-context';
import type { Actor } from '@shared/domain/roles';
import type { Dispatcher } from '../api/dispatch';
import { createHandlers } from '../api/handlers/index';
import { openDatabase } from '../db/open-database';
import type { OpenedDatabase } from '../db/open-database';
import { ensureWorkstation } from '../workstation/workstation';
import { defaultJobMode, runJob } from '../jobs/run-job';
import type { JobMode } from '../jobs/run-job';
import { nodePlatform } from '../platform/platform';
import type { Platform } from '../platform/platform';
import { seedDatabase } from './seed';
import { Transfers } from '../files/transfers';
import { WriteGate } from '../jobs/write-gate';
import { defaultIdleLockMs } from '../users/session-registry';
import { Sessions } from '../users/sessions';
import { ImportSessions } from '../units-import/import-sessions';

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
  /** The domain context of an actor on this core (tests, and the door that hosts it after a restore). */
  context(actor: Actor): DomainContext;
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
  const services = {
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
  };
  return { ...services, checkpoints: createCheckpointer(services) };
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const platform = options.platform ?? nodePlatform();
  const opened = await openDatabase(options.dbFile, { now: () => platform.now() });
  const services = createServices(opened.db, opened.file, { ...options, platform });
  if (options.seed !== false) seedDatabase(services);
  // jobs.cancel reaches the dispatcher that runs it; the getter is only called after construction.
  const checkpoints = services.checkpoints;
  const source = { db: services.db, workstation: services.workstation, now: () => services.platform.now() };
  const dispatcher: Dispatcher = createDispatcher(createHandlers(services, () => dispatcher), {
    resolveCaller: (caller) => services.sessions.resolve(caller),
    touchSession: (session) => services.sessions.registry.touch(session),
    afterCall: () => checkpoints.ifDue(),
    writeGate: services.writeGate,
    runJob: (name, input, call) => runJob({ ...services, now: source.now }, name, input, call),
    domainContext: (actor, actions) => domainContext(source, actor, actions),
  });
  return {
    services,
    context: (actor) => domainContext(source, actor),
    dispatcher,
    migrated: opened.migrated,
    checkpoints,
    close() {
      if (!opened.db.open) return;
      services.transfers.close();
      opened.db.close();
    },
  };
}
