/**
 * Signed audit checkpoints: the workstation signs the head of its audit chain (seq, entry id,
 * hash) with its Ed25519 key. Anyone holding the public key can then tell that the log up to
 * that entry is the one the workstation had when it signed: an entry changed, removed or
 * reordered before it breaks the hash at the checkpoint, and a log trimmed below it no longer
 * reaches it. This module is the one writer of audit_checkpoints.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { newId } from '../platform/ids';
import type { AuditCheckpoint } from '@shared/api/procedures/audit';

export type CheckpointReason = AuditCheckpoint['reason'];

/** A checkpoint as stored and as it travels in bundles (`records/audit_checkpoints.jsonl`). */
export type { AuditCheckpoint };

/** Sign a checkpoint after this many new audit entries (and at every export). */
export const checkpointInterval = 100;

/**
 * Who signs checkpoints for a running core: after a call once enough entries piled up, and on
 * demand. The host makes it (host/checkpointer.ts), with the keys its door can open.
 */
export interface Checkpointer {
  /** Signs the chain head when enough entries are unsigned and the keys are at hand quietly. */
  ifDue(): Promise<AuditCheckpoint | null>;
  /** Signs the chain head now (unlocking the keys, asking if the door asks); null when already signed. */
  sign(reason: CheckpointReason): Promise<AuditCheckpoint | null>;
}

interface Row {
  id: string;
  workstation_id: string;
  seq: number;
  entry_id: string;
  hash: string;
  reason: CheckpointReason;
  signed_at: string;
  public_key: string;
  signature: string;
}

function fromRow(row: Row): AuditCheckpoint {
  return { id: row.id, workstationId: row.workstation_id, seq: row.seq, entryId: row.entry_id, hash: row.hash, reason: row.reason, signedAt: row.signed_at, publicKey: row.public_key, signature: row.signature };
}

/** What is signed: the format name and the fields, one a line, so no field can run into another. */
export function checkpointBytes(checkpoint: Pick<AuditCheckpoint, 'workstationId' | 'seq' | 'entryId' | 'hash' | 'reason' | 'signedAt'>): Buffer {
  return Buffer.from(['dingxing.audit-checkpoint/1', checkpoint.workstationId, String(checkpoint.seq), checkpoint.entryId, checkpoint.hash, checkpoint.reason, checkpoint.signedAt].join('\n'), 'utf8');
}

const spkiEd25519Prefix = Buffer.from('302a300506032b6570032100', 'hex');

export function signatureValid(checkpoint: AuditCheckpoint, publicKey = checkpoint.publicKey): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.concat([spkiEd25519Prefix, Buffer.from(publicKey, 'base64url')]), format: 'der', type: 'spki' });
    return crypto.verify(null, checkpointBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64url'));
  } catch {
    return false;
  }
}

interface Head {
  seq: number;
  id: string;
  hash: string;
}

function chainHead(db: Database): Head | undefined {
  return db.prepare('SELECT seq, id, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Head | undefined;
}

/** The newest checkpoint this workstation signed, or null. */
export function lastCheckpoint(db: Database, workstationId: string): AuditCheckpoint | null {
  const row = db.prepare('SELECT * FROM audit_checkpoints WHERE workstation_id = ? ORDER BY seq DESC LIMIT 1').get(workstationId) as Row | undefined;
  return row ? fromRow(row) : null;
}

/** Audit entries appended since the last checkpoint (all of them when there is none). */
export function entriesSinceCheckpoint(db: Database, workstationId: string): number {
  const last = lastCheckpoint(db, workstationId);
  return db.prepare('SELECT count(*) FROM audit_log WHERE seq > ?').pluck().get(last?.seq ?? 0) as number;
}

export interface SigningKey {
  workstationId: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  privateKey: crypto.KeyObject;
}

/**
 * Signs the current chain head and stores the checkpoint, in one write transaction (so the head
 * cannot move between reading and storing). Returns null when the log is empty or the head is
 * already checkpointed.
 */
export function signCheckpoint(db: Database, key: SigningKey, reason: CheckpointReason, now: Date): AuditCheckpoint | null {
  return db
    .transaction((): AuditCheckpoint | null => {
      const head = chainHead(db);
      if (!head) return null;
      const existing = db.prepare('SELECT * FROM audit_checkpoints WHERE workstation_id = ? AND seq = ?').get(key.workstationId, head.seq) as Row | undefined;
      if (existing) return null;
      const unsigned = { workstationId: key.workstationId, seq: head.seq, entryId: head.id, hash: head.hash, reason, signedAt: now.toISOString() };
      const checkpoint: AuditCheckpoint = { id: newId(), ...unsigned, publicKey: key.publicKey, signature: crypto.sign(null, checkpointBytes(unsigned), key.privateKey).toString('base64url') };
      insert(db, checkpoint);
      return checkpoint;
    })
    .immediate();
}

function insert(db: Database, checkpoint: AuditCheckpoint): void {
  db.prepare(
    `INSERT INTO audit_checkpoints (id, workstation_id, seq, entry_id, hash, reason, signed_at, public_key, signature)
     VALUES (@id, @workstationId, @seq, @entryId, @hash, @reason, @signedAt, @publicKey, @signature)`,
  ).run(checkpoint);
}

/**
 * Checkpoints signed by this workstation after audit entry `seq`, oldest first: what a bundle
 * export carries (call signCheckpoint(…, 'export') first, so the bundle's last entry is covered).
 */
export function listCheckpointsSince(db: Database, workstationId: string, seq: number): AuditCheckpoint[] {
  return (db.prepare('SELECT * FROM audit_checkpoints WHERE workstation_id = ? AND seq > ? ORDER BY seq').all(workstationId, seq) as Row[]).map(fromRow);
}

/** Every checkpoint kept for a workstation (its own, or received in bundles), oldest first. */
export function listCheckpoints(db: Database, workstationId: string): AuditCheckpoint[] {
  return listCheckpointsSince(db, workstationId, 0);
}

/**
 * Keeps checkpoints received in a bundle (call inside the import's transaction, after
 * checkReceivedCheckpoints found nothing wrong). One already kept is skipped.
 */
export function keepReceivedCheckpoints(db: Database, checkpoints: readonly AuditCheckpoint[]): number {
  let kept = 0;
  const known = db.prepare('SELECT 1 FROM audit_checkpoints WHERE workstation_id = ? AND seq = ?').pluck();
  for (const checkpoint of checkpoints) {
    if (known.get(checkpoint.workstationId, checkpoint.seq) !== undefined) continue;
    insert(db, checkpoint);
    kept += 1;
  }
  return kept;
}
