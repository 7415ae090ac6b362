/**
 * What every core module receives: the open database, the facts about this workstation, the
 * door's platform services and the login sessions. One object, passed one way.
 */
import type { Database } from 'better-sqlite3';
import type { Workstation } from '../workstation/workstation';
import type { JobMode } from '../jobs/job-mode';
import type { WriteGate } from '../jobs/write-gate';
import type { Platform } from '../platform/platform';
import type { Sessions } from '../users/sessions';
import type { ImportSessions } from '../units-import/import-sessions';
import type { Transfers } from '../files/transfers';
import type { Checkpointer } from '../audit/checkpoints';

export interface CoreServices {
  db: Database;
  dbFile: string;
  workstation: Workstation;
  appVersion: string;
  electronVersion: string | null;
  /** Folder for backups and evidence files, beside the database. */
  dataDir: string;
  /** How long jobs run: in a worker thread (the app) or inline (unit tests without a build). */
  jobMode: JobMode;
  platform: Platform;
  sessions: Sessions;
  /** Import previews held between 检查 and 导入, by token (units-import/import-sessions.ts). */
  importSessions: ImportSessions;
  /** Main-thread writes wait here, without blocking, while a worker job writes. */
  writeGate: WriteGate;
  /** Large files crossing a door in pieces (bundles in and out). */
  transfers: Transfers;
  /** Signs audit checkpoints (every so many entries, and on demand). */
  checkpoints: Checkpointer;
}
