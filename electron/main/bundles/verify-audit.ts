/**
 * The city office's check of a workstation bundle's audit part, before anything is written. The
 * chain held from a workstation is extended head to head: the bundle's entries continue it (the
 * same entries where they overlap, then more, each hashed from its own content and linked to the
 * one before), its newest entry is signed by a checkpoint, every checkpoint's entry is in the
 * bundle or held already, and the checkpoints agree with those kept. A chain that restarts from a
 * zero prev_hash, leaves a gap, ends shorter than the one held, comes without its signed head, or
 * was rewritten or trimmed refuses the bundle naming the sequence numbers, and the refusal goes on
 * the workstation's trust entry as a warning for a person (docs/bundle-format.md says why).
 */
import type { Database } from 'better-sqlite3';
import { recordTables } from '@shared/bundle/records';
import { entryHash, genesisHash } from '../audit/audit-log';
import { seqRange } from '../audit/audit-verify';
import { checkReceivedCheckpoints } from '../audit/checkpoint-verify';
import type { CheckpointProblem } from '../audit/checkpoint-verify';
import { listCheckpoints } from '../audit/checkpoints';
import type { AuditCheckpoint } from '../audit/checkpoints';
import { receivedSequences, sequenceGaps } from './bundle-history';
import { refuse } from './refusal';
import type { BundleLine, VerifiedBundle } from './verify-bundle';

interface ChainEntry {
  seq: number;
  id: string;
  hash: string;
  prev_hash: string;
}

export type ChainProblemKind = 'restart' | 'gap' | 'shorter' | 'missingHead' | 'edited' | 'empty' | 'foreign' | CheckpointProblem['problem'];

interface ChainProblem {
  kind: ChainProblemKind;
  seqFrom: number | null;
  seqTo: number | null;
  entry: string;
  zh: string;
  en: string;
}

export function checkpointOf(line: BundleLine): AuditCheckpoint {
  return {
    id: line.id, workstationId: line.workstation_id as string, seq: line.seq as number, entryId: line.entry_id as string, hash: line.hash as string,
    reason: line.reason as AuditCheckpoint['reason'], signedAt: line.signed_at as string, publicKey: line.public_key as string, signature: line.signature as string,
  };
}

const logEntry = 'records/audit_log.jsonl';
const checkpointEntry = 'records/audit_checkpoints.jsonl';

function plural(range: { from: number; to: number }, one: string, many: string): string {
  return range.from === range.to ? one : many;
}

function problem(kind: ChainProblemKind, seqFrom: number | null, seqTo: number | null, entry: string, zh: string, en: string): ChainProblem {
  return { kind, seqFrom, seqTo, entry, zh, en };
}

function fromCheckpoint(found: CheckpointProblem, entry: string): ChainProblem {
  const what = {
    badSignature: { zh: '签名无效（不是该工作站登记的密钥所签）', en: 'its signature is not valid for the enrolled key' },
    rewritten: { zh: '该条目之前的审计日志在签名后被改写', en: 'the audit log up to that entry was rewritten after it was signed' },
    trimmed: { zh: '审计日志在签名后被截短，已不含该条目', en: 'the audit log was trimmed after it was signed and no longer reaches that entry' },
  }[found.problem];
  return problem(found.problem, found.seq, found.seq, entry, `审计检查点（第 ${found.seq} 条）校验失败：${what.zh}`, `audit checkpoint at entry ${found.seq} fails: ${what.en}`);
}

/** The chain kept from one workstation, read by sequence number and by hash. */
class HeldChain {
  readonly head: ChainEntry | undefined;
  private readonly at: Map<number, ChainEntry>;

  constructor(
    private readonly db: Database,
    private readonly source: string,
    around: { from: number; to: number } | null,
  ) {
    this.head = db.prepare('SELECT seq, id, hash, prev_hash FROM bundle_audit_entries WHERE workstation_id = ? ORDER BY seq DESC LIMIT 1').get(source) as ChainEntry | undefined;
    const rows = around ? (db.prepare('SELECT seq, id, hash, prev_hash FROM bundle_audit_entries WHERE workstation_id = ? AND seq BETWEEN ? AND ?').all(source, around.from, around.to) as ChainEntry[]) : [];
    this.at = new Map(rows.map((row) => [row.seq, row]));
  }

  entryAt(seq: number): ChainEntry | undefined {
    return this.at.get(seq) ?? (this.db.prepare('SELECT seq, id, hash, prev_hash FROM bundle_audit_entries WHERE workstation_id = ? AND seq = ?').get(this.source, seq) as ChainEntry | undefined);
  }

  seqOfHash(hash: string): number | undefined {
    return this.db.prepare('SELECT seq FROM bundle_audit_entries WHERE workstation_id = ? AND hash = ?').pluck().get(this.source, hash) as number | undefined;
  }

  highestBelow(seq: number): number {
    return (this.db.prepare('SELECT max(seq) FROM bundle_audit_entries WHERE workstation_id = ? AND seq < ?').pluck().get(this.source, seq) as number | null) ?? 0;
  }
}

interface Context {
  entries: (ChainEntry & { line: number })[];
  incoming: AuditCheckpoint[];
  held: HeldChain;
  /** An older bundle arriving after a newer one, or one imported before: it may end below the head held. */
  late: boolean;
  carriesRecords: boolean;
  /** Bundle numbers of this source not received yet below this one (a lost USB stick). */
  missingBundles: number[];
}

function chainProblem(context: Context): ChainProblem | null {
  const { entries, incoming, held } = context;
  const heldTop = held.head?.seq ?? 0;
  const inBundle = new Set(entries.map((entry) => entry.seq));
  for (let index = 1; index < entries.length; index += 1) {
    const [before, entry] = [entries[index - 1]!, entries[index]!];
    if (entry.seq !== before.seq + 1) {
      const gap = { from: before.seq + 1, to: entry.seq - 1 };
      return problem('gap', gap.from, gap.to, `${logEntry}:${entry.line}`, `数据包中缺少第 ${seqRange(gap)} 条审计条目`, `audit ${plural(gap, 'entry', 'entries')} ${seqRange(gap)} ${plural(gap, 'is', 'are')} missing from the bundle`);
    }
    if (entry.prev_hash !== before.hash) return problem('rewritten', entry.seq, entry.seq, `${logEntry}:${entry.line}`, `第 ${entry.seq} 条审计条目没有接在第 ${before.seq} 条之后（prev_hash 不符）`, `audit entry ${entry.seq} does not follow entry ${before.seq} (its prev_hash differs)`);
  }
  for (const checkpoint of incoming) {
    if (!inBundle.has(checkpoint.seq) && !held.entryAt(checkpoint.seq)) {
      return problem('missingHead', checkpoint.seq, checkpoint.seq, checkpointEntry, `第 ${checkpoint.seq} 条的签名检查点没有附带该条审计条目，本处也没有`, `the signed checkpoint at entry ${checkpoint.seq} comes without that audit entry, and it is not held here either`);
    }
  }
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last) {
    if (incoming.length > 0) return null;
    if (heldTop > 0) return problem('restart', 1, heldTop, logEntry, `数据包没有任何审计条目，而本处已收到该工作站第 1–${heldTop} 条：其审计日志被清空`, `the bundle carries no audit entry while entries 1–${heldTop} of this workstation were received here: its log was emptied`);
    if (context.carriesRecords) return problem('empty', null, null, logEntry, '数据包载有记录，却没有任何审计条目', 'the bundle carries records but no audit entry');
    return null;
  }
  const signedHead = Math.max(0, ...incoming.map((checkpoint) => checkpoint.seq));
  if (signedHead < last.seq) return problem('missingHead', last.seq, last.seq, checkpointEntry, `最新的第 ${last.seq} 条审计条目没有签名检查点`, `the newest audit entry ${last.seq} has no signed checkpoint`);
  if (first.seq === 1 && first.prev_hash !== genesisHash) return problem('rewritten', 1, 1, `${logEntry}:${first.line}`, '第 1 条审计条目的 prev_hash 不是起始值', 'audit entry 1 does not start from the genesis value');
  if (first.seq > 1) {
    if (first.prev_hash === genesisHash) {
      const before = heldTop > 0 ? { zh: `而本处已收到该工作站第 1–${heldTop} 条：其审计日志被清空`, en: ` while entries 1–${heldTop} of this workstation were received here: its log was emptied` } : { zh: `第 1–${first.seq - 1} 条从未收到`, en: `: entries 1–${first.seq - 1} never arrived` };
      return problem('restart', first.seq, first.seq, `${logEntry}:${first.line}`, `审计链在第 ${first.seq} 条重新开始（prev_hash 为零），${before.zh}`, `the audit chain restarts at entry ${first.seq} (a zero prev_hash)${before.en}`);
    }
    const predecessor = held.entryAt(first.seq - 1);
    if (predecessor?.hash !== first.prev_hash) {
      // A link back to an older entry held here: the entries after it were cut away on the laptop.
      const cutTo = held.seqOfHash(first.prev_hash);
      if (cutTo !== undefined && cutTo < first.seq - 1 && cutTo < heldTop) {
        const cut = { from: cutTo + 1, to: Math.min(heldTop, first.seq - 1) };
        return problem('trimmed', cut.from, cut.to, `${logEntry}:${first.line}`, `第 ${first.seq} 条审计条目接在第 ${cutTo} 条之后：本处已收到的第 ${seqRange(cut)} 条被删去`, `audit entry ${first.seq} follows entry ${cutTo}: ${plural(cut, 'entry', 'entries')} ${seqRange(cut)} received here ${plural(cut, 'was', 'were')} cut away (trimmed)`);
      }
    }
    if (!predecessor) {
      const gap = { from: held.highestBelow(first.seq) + 1, to: first.seq - 1 };
      const bundles = context.missingBundles.length > 0 ? { zh: `（第 ${context.missingBundles.join('、')} 号数据包尚未导入）`, en: ` (bundle ${context.missingBundles.join(', ')} of this workstation has not been imported)` } : { zh: '', en: '' };
      return problem(
        'gap', gap.from, gap.to, `${logEntry}:${first.line}`,
        `缺少第 ${seqRange(gap)} 条审计条目：本处持有的审计链止于第 ${gap.from - 1} 条，本数据包从第 ${first.seq} 条开始${bundles.zh}。请先导入载有这些条目的数据包，或请该工作站完整导出（dingxing export --full）`,
        `audit ${plural(gap, 'entry', 'entries')} ${seqRange(gap)} ${plural(gap, 'is', 'are')} missing: the chain held here ends at entry ${gap.from - 1} and this bundle starts at entry ${first.seq}${bundles.en}. Import the bundle that carries them first, or ask the workstation for a full export (dingxing export --full)`,
      );
    }
    if (predecessor.hash !== first.prev_hash) {
      return problem('rewritten', first.seq - 1, first.seq - 1, `${logEntry}:${first.line}`, `第 ${first.seq} 条审计条目没有接在本处收到的第 ${first.seq - 1} 条之后：日志被改写`, `audit entry ${first.seq} does not follow entry ${first.seq - 1} received here: the log was rewritten`);
    }
  }
  for (const entry of entries) {
    const before = held.entryAt(entry.seq);
    if (before && (before.hash !== entry.hash || before.id !== entry.id)) {
      return problem('rewritten', entry.seq, entry.seq, `${logEntry}:${entry.line}`, `第 ${entry.seq} 条审计条目与本处之前收到的不同：日志被改写`, `audit entry ${entry.seq} differs from the one received here before: the log was rewritten`);
    }
  }
  const successor = held.entryAt(last.seq + 1);
  if (successor && successor.prev_hash !== last.hash) {
    return problem('rewritten', last.seq, last.seq, `${logEntry}:${entries.length}`, `第 ${last.seq} 条审计条目与本处收到的下一条不相接：日志被改写`, `audit entry ${last.seq} does not lead to the next entry received here: the log was rewritten`);
  }
  if (!context.late && last.seq < heldTop) {
    const cut = { from: last.seq + 1, to: heldTop };
    return problem('shorter', cut.from, cut.to, logEntry, `审计链止于第 ${last.seq} 条，短于本处已收到的第 ${heldTop} 条：日志被截短`, `the audit chain ends at entry ${last.seq}, short of entry ${heldTop} received here before: the log was cut back`);
  }
  return null;
}

/**
 * The first entry starts from the genesis value at a number whose held entry is another one. (An
 * older bundle arriving late starts from the genesis value at a number not held yet: not this.)
 */
function restartProblem(entries: Context['entries'], held: HeldChain): ChainProblem | null {
  const first = entries[0];
  const heldTop = held.head?.seq ?? 0;
  if (!first || first.prev_hash !== genesisHash || heldTop === 0) return null;
  const before = held.entryAt(first.seq);
  if (!before || (before.hash === first.hash && before.id === first.id)) return null;
  return problem(
    'restart', first.seq, heldTop, `${logEntry}:${first.line}`,
    `审计链在第 ${first.seq} 条重新开始（prev_hash 为零），而本处已收到该工作站第 1–${heldTop} 条：其审计日志被清空`,
    `the audit chain restarts at entry ${first.seq} (a zero prev_hash) while entries 1–${heldTop} of this workstation were received here: its log was emptied`,
  );
}

function refuseChain(found: ChainProblem): never {
  return refuse(
    found.entry,
    `${found.zh}。未导入任何数据；此警告已记在该工作站的信任条目上，请核查后确认（必要时撤销其信任：dingxing trust revoke）`,
    `${found.en}. Nothing was imported; the warning stays on the workstation’s trust entry until someone looks into it and acknowledges it (revoke it with dingxing trust revoke if need be)`,
    { problem: found.kind, seqFrom: found.seqFrom, seqTo: found.seqTo, message: found.zh, messageEn: found.en },
  );
}

export function checkBundleAudit(db: Database, bundle: VerifiedBundle): AuditCheckpoint[] {
  const source = bundle.manifest.source.workstationId;
  const checkpointLines = bundle.records.get('audit_checkpoints') ?? [];
  checkpointLines.forEach((line, index) => {
    if (line.workstation_id !== source) refuseChain(problem('foreign', null, null, `${checkpointEntry}:${index + 1}`, '检查点不是数据包来源工作站签发的', 'the checkpoint is not the source workstation’s'));
  });
  const entries: Context['entries'] = [];
  (bundle.records.get('audit_log') ?? []).forEach((line, index) => {
    const where = `${logEntry}:${index + 1}`;
    if (line.workstation_id !== source) refuseChain(problem('foreign', null, null, where, '审计条目不是数据包来源工作站的', 'the audit entry is not the source workstation’s'));
    const fields = { id: line.id, at: line.at as string, workstationId: source, actor: line.actor as string, action: line.action as string, subject: line.subject as string | null, data: line.data as string };
    if (entryHash(line.prev_hash as string, fields) !== line.hash) refuseChain(problem('edited', line.seq as number, line.seq as number, where, `第 ${String(line.seq)} 条审计条目的内容与其哈希不符`, `audit entry ${String(line.seq)}’s content does not match its hash`));
    entries.push({ seq: line.seq as number, id: line.id, hash: line.hash as string, prev_hash: line.prev_hash as string, line: index + 1 });
  });
  entries.sort((a, b) => a.seq - b.seq);
  const incoming = checkpointLines.map(checkpointOf);
  const received = receivedSequences(db, source, 'workstation');
  const again = db.prepare("SELECT 1 FROM bundle_imports WHERE bundle_id = ? AND status = 'imported'").pluck().get(bundle.manifest.bundleId) !== undefined;
  // A bundle arriving after a later one of the same source (a USB stick found again), or the same
  // bundle again, ends below what was received: lateness, not a cut log.
  const late = again || bundle.manifest.sequence < Math.max(0, ...received);
  const span = entries.length > 0 ? { from: entries[0]!.seq - 1, to: entries.at(-1)!.seq + 1 } : null;
  const held = new HeldChain(db, source, span);

  const incomingTop = Math.max(0, ...incoming.map((checkpoint) => checkpoint.seq), ...entries.map((entry) => entry.seq));
  const known = listCheckpoints(db, source).filter((checkpoint) => !late || checkpoint.seq <= incomingTop);
  const seqs = new Set(entries.map((entry) => entry.seq));
  const heldAtCheckpoints = incoming.flatMap((checkpoint) => {
    const entry = seqs.has(checkpoint.seq) ? undefined : held.entryAt(checkpoint.seq);
    return entry ? [entry] : [];
  });
  // A log begun again from the genesis value where this workstation's chain is held already is a
  // restart, whatever number SQLite gave its first entry: said before the checkpoints are compared,
  // which would only see the held checkpoint's entry gone.
  const restart = restartProblem(entries, held);
  if (restart) refuseChain(restart);
  const signed = checkReceivedCheckpoints({ enrolledPublicKey: bundle.manifest.source.ed25519PublicKey, known, incoming, entries: [...entries, ...heldAtCheckpoints] });
  if (signed) refuseChain(fromCheckpoint(signed, checkpointEntry));

  const carriesRecords = recordTables.some((table) => table !== 'audit_log' && table !== 'audit_checkpoints' && (bundle.records.get(table)?.length ?? 0) > 0);
  const missingBundles = sequenceGaps([...received, bundle.manifest.sequence]).filter((sequence) => sequence < bundle.manifest.sequence && sequence > Math.max(0, ...received.filter((number) => number < bundle.manifest.sequence)));
  const found = chainProblem({ entries, incoming, held, late, carriesRecords, missingBundles });
  if (found) refuseChain(found);
  return incoming;
}
