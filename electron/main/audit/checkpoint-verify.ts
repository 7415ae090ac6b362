/**
 * Checks audit checkpoints against a log. Locally (`dingxing audit verify`): every checkpoint this
 * workstation signed must carry a valid signature by its key, and the log must still hold the
 * signed entry with the signed hash: a different hash means the log was rewritten at or before
 * it, no entry means it was trimmed. At the city office (bundle import): checkpoints received from
 * a workstation are checked against its enrolled key and against those kept from earlier bundles.
 */
import type { Database } from 'better-sqlite3';
import { listCheckpoints, signatureValid } from './checkpoints';
import type { AuditCheckpoint } from './checkpoints';

export type CheckpointProblemKind = 'badSignature' | 'rewritten' | 'trimmed';

export interface CheckpointProblem {
  seq: number;
  checkpointId: string;
  problem: CheckpointProblemKind;
}

export interface CheckpointVerification {
  ok: boolean;
  checkpoints: number;
  /** The newest checkpointed entry, or null when none was signed yet. */
  lastSeq: number | null;
  firstProblem: CheckpointProblem | null;
}

export function verifyOwnCheckpoints(db: Database, workstationId: string): CheckpointVerification {
  const checkpoints = listCheckpoints(db, workstationId);
  const enrolled = db.prepare('SELECT ed25519_public_key FROM workstation_keys WHERE workstation_id = ?').pluck().get(workstationId) as string | undefined;
  const entryAt = db.prepare('SELECT id, hash FROM audit_log WHERE seq = ?');
  const lastSeq = checkpoints.at(-1)?.seq ?? null;
  for (const checkpoint of checkpoints) {
    const problem = ((): CheckpointProblemKind | null => {
      if (enrolled === undefined || !signatureValid(checkpoint, enrolled)) return 'badSignature';
      const entry = entryAt.get(checkpoint.seq) as { id: string; hash: string } | undefined;
      if (!entry) return 'trimmed';
      return entry.id === checkpoint.entryId && entry.hash === checkpoint.hash ? null : 'rewritten';
    })();
    if (problem) return { ok: false, checkpoints: checkpoints.length, lastSeq, firstProblem: { seq: checkpoint.seq, checkpointId: checkpoint.id, problem } };
  }
  return { ok: true, checkpoints: checkpoints.length, lastSeq, firstProblem: null };
}

export interface ReceivedAudit {
  /** The sending workstation's enrolled Ed25519 public key (raw, base64url). */
  enrolledPublicKey: string;
  /** Checkpoints of that workstation kept from earlier bundles. */
  known: readonly AuditCheckpoint[];
  /** Checkpoints in the bundle. */
  incoming: readonly AuditCheckpoint[];
  /** That workstation's audit entries in the bundle. */
  entries: readonly { seq: number; id: string; hash: string }[];
}

/**
 * The city office's check of a bundle's audit part: each incoming checkpoint is signed by the
 * enrolled key; no incoming checkpoint or entry contradicts a checkpoint at the same place; and
 * the incoming checkpoints do not stop short of one already received (a log cut back and grown
 * again). Pure: the importer refuses the bundle on the first problem.
 */
export function checkReceivedCheckpoints(received: ReceivedAudit): CheckpointProblem | null {
  for (const checkpoint of received.incoming) {
    if (!signatureValid(checkpoint, received.enrolledPublicKey)) return { seq: checkpoint.seq, checkpointId: checkpoint.id, problem: 'badSignature' };
  }
  const signedAt = new Map<number, AuditCheckpoint>();
  for (const checkpoint of [...received.known, ...received.incoming]) {
    const earlier = signedAt.get(checkpoint.seq);
    if (earlier && (earlier.hash !== checkpoint.hash || earlier.entryId !== checkpoint.entryId)) return { seq: checkpoint.seq, checkpointId: checkpoint.id, problem: 'rewritten' };
    signedAt.set(checkpoint.seq, earlier ?? checkpoint);
  }
  for (const entry of received.entries) {
    const checkpoint = signedAt.get(entry.seq);
    if (checkpoint && (checkpoint.hash !== entry.hash || checkpoint.entryId !== entry.id)) return { seq: entry.seq, checkpointId: checkpoint.id, problem: 'rewritten' };
  }
  const knownTop = received.known.reduce<AuditCheckpoint | null>((top, checkpoint) => (top && top.seq >= checkpoint.seq ? top : checkpoint), null);
  const incomingTop = Math.max(0, ...received.incoming.map((checkpoint) => checkpoint.seq));
  if (knownTop && received.incoming.length > 0 && incomingTop < knownTop.seq) return { seq: knownTop.seq, checkpointId: knownTop.id, problem: 'trimmed' };
  return null;
}

/** The problem in both languages, for the CLI, the integrity check and import refusals. */
export function describeCheckpointProblem(problem: CheckpointProblem): string {
  const what = {
    badSignature: { zh: '签名无效（不是本工作站的密钥所签）', en: 'its signature is not valid for the workstation key' },
    rewritten: { zh: '该条目之前的日志已被改写', en: 'the log up to that entry was rewritten' },
    trimmed: { zh: '日志被截短，已不含该条目', en: 'the log was trimmed and no longer reaches that entry' },
  }[problem.problem];
  return `审计检查点（第 ${problem.seq} 条）校验失败：${what.zh} / audit checkpoint at entry ${problem.seq} fails: ${what.en}; checkpoint ${problem.checkpointId}`;
}
