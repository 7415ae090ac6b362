/**
 * The city office's check of a workstation bundle's audit part, before anything is written: the
 * checkpoints it carries are the source's, signed by its enrolled key, and agree with the
 * checkpoints and entries kept from its earlier bundles; its entries continue the chain kept
 * before. A log rewritten (hashes recomputed) or trimmed behind a checkpoint refuses the bundle
 * (docs/bundle-format.md says why refusing rather than flagging).
 */
import type { Database } from 'better-sqlite3';
import { checkReceivedCheckpoints } from '../audit/checkpoint-verify';
import type { CheckpointProblem } from '../audit/checkpoint-verify';
import { listCheckpoints } from '../audit/checkpoints';
import type { AuditCheckpoint } from '../audit/checkpoints';
import { receivedSequences } from './bundle-history';
import { refuse } from './refusal';
import type { BundleLine, VerifiedBundle } from './verify-bundle';

interface ChainEntry {
  seq: number;
  id: string;
  hash: string;
  prev_hash: string;
}

export function checkpointOf(line: BundleLine): AuditCheckpoint {
  return {
    id: line.id, workstationId: line.workstation_id as string, seq: line.seq as number, entryId: line.entry_id as string, hash: line.hash as string,
    reason: line.reason as AuditCheckpoint['reason'], signedAt: line.signed_at as string, publicKey: line.public_key as string, signature: line.signature as string,
  };
}

function keptEntries(db: Database, workstationId: string, seqs: readonly number[]): Map<number, ChainEntry> {
  const kept = new Map<number, ChainEntry>();
  const at = db.prepare('SELECT seq, id, hash, prev_hash FROM bundle_audit_entries WHERE workstation_id = ? AND seq = ?');
  for (const seq of new Set(seqs)) {
    const row = at.get(workstationId, seq) as ChainEntry | undefined;
    if (row) kept.set(seq, row);
  }
  return kept;
}

function refuseProblem(problem: CheckpointProblem, entry: string): never {
  const what = {
    badSignature: { zh: '签名无效（不是该工作站登记的密钥所签）', en: 'its signature is not valid for the enrolled key' },
    rewritten: { zh: '该条目之前的审计日志在签名后被改写', en: 'the audit log up to that entry was rewritten after it was signed' },
    trimmed: { zh: '审计日志在签名后被截短，已不含该条目', en: 'the audit log was trimmed after it was signed and no longer reaches that entry' },
  }[problem.problem];
  return refuse(
    entry,
    `审计检查点（第 ${problem.seq} 条）校验失败：${what.zh}。未导入任何数据；请核查该工作站，必要时撤销其信任（dingxing trust revoke）`,
    `audit checkpoint at entry ${problem.seq} fails: ${what.en}. Nothing was imported; look into that workstation and revoke it if need be (dingxing trust revoke)`,
  );
}

interface KeptLog {
  /** The seq of the kept entry with this hash. */
  seqOf(hash: string): number | undefined;
  /** Whether entries between the two seqs (exclusive) were kept. */
  anyBetween(from: number, to: number): boolean;
}

/** The entries' links: each entry's prev_hash is its predecessor's hash, here in the bundle or kept before. */
function checkChain(entries: readonly ChainEntry[], kept: Map<number, ChainEntry>, log: KeptLog): CheckpointProblem | null {
  const inBundle = new Map(entries.map((entry) => [entry.seq, entry]));
  for (const entry of entries) {
    const before = kept.get(entry.seq);
    if (before && before.hash !== entry.hash) return { seq: entry.seq, checkpointId: before.id, problem: 'rewritten' };
    const successor = inBundle.has(entry.seq + 1) ? undefined : kept.get(entry.seq + 1);
    if (successor && successor.prev_hash !== entry.hash) return { seq: entry.seq, checkpointId: successor.id, problem: 'rewritten' };
    const predecessor = inBundle.get(entry.seq - 1) ?? kept.get(entry.seq - 1);
    if (predecessor && predecessor.hash !== entry.prev_hash) {
      // A link back to an older entry kept here: the entries in between were cut away.
      const cutTo = log.seqOf(entry.prev_hash);
      return { seq: entry.seq - 1, checkpointId: predecessor.id, problem: cutTo !== undefined && cutTo < entry.seq - 1 ? 'trimmed' : 'rewritten' };
    }
    if (!predecessor) {
      // The predecessor never arrived: fine for a gap, but not when the entry links back past entries kept here.
      const cutTo = log.seqOf(entry.prev_hash);
      if (cutTo !== undefined && log.anyBetween(cutTo, entry.seq)) return { seq: cutTo + 1, checkpointId: entry.id, problem: 'trimmed' };
    }
  }
  return null;
}

export function checkBundleAudit(db: Database, bundle: VerifiedBundle): AuditCheckpoint[] {
  const source = bundle.manifest.source.workstationId;
  const checkpointLines = bundle.records.get('audit_checkpoints') ?? [];
  checkpointLines.forEach((line, index) => {
    if (line.workstation_id !== source) refuse(`records/audit_checkpoints.jsonl:${index + 1}`, '检查点不是数据包来源工作站签发的', 'the checkpoint is not the source workstation’s');
  });
  const incoming = checkpointLines.map(checkpointOf);
  const entries = (bundle.records.get('audit_log') ?? []).filter((line) => line.workstation_id === source).map((line) => ({ seq: line.seq as number, id: line.id, hash: line.hash as string, prev_hash: line.prev_hash as string }));
  const kept = keptEntries(db, source, [...entries.flatMap((entry) => [entry.seq - 1, entry.seq, entry.seq + 1]), ...incoming.map((checkpoint) => checkpoint.seq)]);
  const keptAtCheckpoints = incoming.flatMap((checkpoint) => {
    const entry = kept.get(checkpoint.seq);
    return entry ? [entry] : [];
  });
  // A bundle arriving after a later one of the same source (a USB stick found again) ends below
  // the checkpoints already received: that is lateness, not a trimmed log, so it is compared
  // only with the checkpoints its own entries reach.
  const late = bundle.manifest.sequence < Math.max(0, ...receivedSequences(db, source, 'workstation'));
  const incomingTop = Math.max(0, ...incoming.map((checkpoint) => checkpoint.seq), ...entries.map((entry) => entry.seq));
  const known = listCheckpoints(db, source).filter((checkpoint) => !late || checkpoint.seq <= incomingTop);
  const problem = checkReceivedCheckpoints({ enrolledPublicKey: bundle.manifest.source.ed25519PublicKey, known, incoming, entries: [...entries, ...keptAtCheckpoints] });
  if (problem) refuseProblem(problem, 'records/audit_checkpoints.jsonl');
  const seqOfHash = db.prepare('SELECT seq FROM bundle_audit_entries WHERE workstation_id = ? AND hash = ?').pluck();
  const between = db.prepare('SELECT 1 FROM bundle_audit_entries WHERE workstation_id = ? AND seq > ? AND seq < ? LIMIT 1').pluck();
  const chainProblem = checkChain(entries, kept, { seqOf: (hash) => seqOfHash.get(source, hash) as number | undefined, anyBetween: (from, to) => between.get(source, from, to) !== undefined });
  if (chainProblem) refuseProblem(chainProblem, `records/audit_log.jsonl`);
  return incoming;
}
