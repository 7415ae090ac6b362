/**
 * `dingxing audit verify`: checks the audit log's hash chain and the signed checkpoints; exit 1
 * naming the first broken entry or failing checkpoint. `dingxing audit checkpoint`: signs the
 * chain head now.
 */
import type { CliCommand } from '../command';
import { describeBreak, verifyAuditChain } from '../../audit/audit-verify';
import { describeCheckpointProblem, verifyOwnCheckpoints } from '../../audit/checkpoint-verify';

export const auditVerifyCommand: CliCommand = {
  path: ['audit', 'verify'],
  summary: 'Check the audit log’s hash chain and its signed checkpoints; exit 1 naming the first edited, deleted or reordered entry, or the checkpoint the log no longer matches',
  async run(context) {
    const core = await context.core();
    const chain = verifyAuditChain(core.services.db);
    const checkpoints = verifyOwnCheckpoints(core.services.db, core.services.workstation.id);
    const result = { ...chain, ok: chain.ok && checkpoints.ok, checkpoints };
    if (result.ok) {
      const signed = checkpoints.lastSeq === null ? '尚无签名检查点 / no signed checkpoint yet' : `${checkpoints.checkpoints} 个签名检查点，最新至第 ${checkpoints.lastSeq} 条 / ${checkpoints.checkpoints} signed checkpoints, the newest at entry ${checkpoints.lastSeq}`;
      context.print(result, `审计日志完好：${chain.entries} 条 (the audit log is intact: ${chain.entries} entries); ${signed}`);
      return 0;
    }
    if (context.json) context.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    if (chain.firstBroken) context.io.stderr(`dingxing: ${describeBreak(chain.firstBroken)}\n`);
    if (checkpoints.firstProblem) context.io.stderr(`dingxing: ${describeCheckpointProblem(checkpoints.firstProblem)}\n`);
    return 1;
  },
};

export const auditCheckpointCommand: CliCommand = {
  path: ['audit', 'checkpoint'],
  summary: 'Sign the audit chain’s head with the workstation key now (DINGXING_KEY_PASSPHRASE, or a prompt)',
  async run(context) {
    const core = await context.core();
    const checkpoint = await core.checkpoints.sign('manual');
    if (checkpoint) context.print(checkpoint, `已签名审计检查点：第 ${checkpoint.seq} 条 (signed an audit checkpoint at entry ${checkpoint.seq})`);
    else context.print({ signed: null }, '审计日志的最新条目已签名 (the newest audit entry is already signed)');
    return 0;
  },
};
