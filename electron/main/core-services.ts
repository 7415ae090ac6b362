/** What every core module receives: the open database and the facts about this workstation. */
import type { Database } from 'better-sqlite3';
import type { Workstation } from './workstation/workstation';
import type { AuditEntryInput } from './audit/audit-log';
import type { JobMode } from './jobs/run-job';

export interface CoreServices {
  db: Database;
  dbFile: string;
  workstation: Workstation;
  appVersion: string;
  electronVersion: string | null;
  /** Folder for backups and evidence files, beside the database. */
  dataDir: string;
  audit(entry: AuditEntryInput): void;
  /** How long jobs run: in a worker thread (the app) or inline (unit tests without a build). */
  jobMode: JobMode;
}
