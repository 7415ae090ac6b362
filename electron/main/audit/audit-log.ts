/**
 * The append-only audit log. Each entry hashes the previous entry's hash with its own content,
 * so a changed or removed entry breaks the chain from that point on (audit-verify.ts checks it).
 *
 * An append reads the last hash and inserts in one write transaction: inside the caller's
 * transaction (a savepoint) when there is one, so the entry commits or rolls back with the
 * change it records; else its own BEGIN IMMEDIATE, so two connections cannot fork the chain.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { newId } from '../platform/ids';

export interface AuditEntryInput {
  actor: string;
  action: string;
  subject?: string | null;
  data?: Record<string, unknown>;
}

export const genesisHash = '0'.repeat(64);

export function entryHash(prevHash: string, fields: { id: string; at: string; workstationId: string; actor: string; action: string; subject: string | null; data: string }): string {
  const content = JSON.stringify([prevHash, fields.id, fields.at, fields.workstationId, fields.actor, fields.action, fields.subject, fields.data]);
  return createHash('sha256').update(content).digest('hex');
}

/** Operations append through their DomainContext (context/domain-context.ts), which names the actor and the time. Returns the entry's id. */
export function appendAudit(db: Database, workstationId: string, entry: AuditEntryInput, at: Date): string {
  return db.transaction(() => appendInTransaction(db, workstationId, entry, at)).immediate();
}

function appendInTransaction(db: Database, workstationId: string, entry: AuditEntryInput, at: Date): string {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? genesisHash;
  const fields = {
    id: newId(),
    at: at.toISOString(),
    workstationId,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    data: JSON.stringify(entry.data ?? {}),
  };
  db.prepare(
    `INSERT INTO audit_log (id, at, workstation_id, actor, action, subject, data, prev_hash, hash)
     VALUES (@id, @at, @workstationId, @actor, @action, @subject, @data, @prevHash, @hash)`,
  ).run({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
  return fields.id;
}
