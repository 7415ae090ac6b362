/**
 * What every domain operation is handed, the same way from every door and in every job worker:
 * the connection, this workstation, who acts (established by the door, never by a call's input),
 * the clock (the door's platform clock; a worker's is the main thread's at the job's start) and
 * the audit log. An operation appends its audit entries itself, inside its own transaction, so an
 * entry commits or rolls back with the change it records and always names the actor who made it.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Actor } from '@shared/domain/roles';
import { appendAudit } from '../audit/audit-log';
import type { Workstation } from '../workstation/workstation';

/** One audit entry as an operation states it; the actor, the time and the chain are the context's. */
export interface AuditRecord {
  action: string;
  subject?: string | null;
  data?: Record<string, unknown>;
}

export interface DomainContext {
  db: Database;
  workstation: Workstation;
  actor: Actor;
  now(): Date;
  audit(record: AuditRecord): void;
}

export interface ContextSource {
  db: Database;
  workstation: Workstation;
  now(): Date;
}

/**
 * The context of `actor` over `source`. `actions`: the audit actions the procedure being run
 * declares; recording any other is a bug in the declaration, refused before anything is written.
 */
export function domainContext(source: ContextSource, actor: Actor, actions?: readonly string[]): DomainContext {
  return {
    db: source.db,
    workstation: source.workstation,
    actor,
    now: source.now,
    audit(record) {
      if (actions !== undefined && !actions.includes(record.action)) {
        throw new DxError('INTERNAL', `The audit action ${record.action} is not declared by the procedure that records it`);
      }
      appendAudit(source.db, source.workstation.id, { actor: actor.userId, ...record }, source.now());
    },
  };
}

/** What a read needs: it can neither write nor audit. */
export type ReadContext = Pick<DomainContext, 'db' | 'workstation' | 'now'>;
