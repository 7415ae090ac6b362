/** What the workflow functions need from the core: a connection, the workstation, the audit log and a clock. */
import type { Database } from 'better-sqlite3';
import type { AuditEntryInput } from '../audit/audit-log';
import { appendAudit } from '../audit/audit-log';
import type { CoreServices } from '../core-services';

export interface WorkflowDeps {
  db: Database;
  workstationId: string;
  audit(entry: AuditEntryInput): void;
  now(): Date;
}

/** `now` defaults to the platform's clock; tests pass their own to move through time. */
export function depsOfServices(services: CoreServices, now: () => Date = () => services.platform.now()): WorkflowDeps {
  return { db: services.db, workstationId: services.workstation.id, audit: (entry) => services.audit(entry), now };
}

/** For jobs in a worker thread, which have a connection and the workstation id but no services. */
export function depsOfConnection(db: Database, workstationId: string, now: () => Date): WorkflowDeps {
  return { db, workstationId, audit: (entry) => appendAudit(db, workstationId, entry, now()), now };
}

/** The calendar date in the workstation's own time zone, as assessments and due dates use it. */
export function localDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
