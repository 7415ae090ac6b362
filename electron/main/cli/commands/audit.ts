/**
 * `dingxing audit verify`: checks the audit log's hash chain, the signed checkpoints, that the
 * head was not cut back and that every audited record has its entry; exit 1 naming the first
 * break and what is missing. `dingxing audit checkpoint`: signs the chain head now.
 */
import type { CliCommand } from '../command';
import { describeAuditProblems, verifyAuditLog } from '../../audit/verify-log';

export const auditVerifyCommand: CliCommand = {
  path: ['audit', 'verify'],
  summary: 'Check the audit log’s hash chain, its signed checkpoints and that every audited record has its entry; exit 1 naming the first edited, deleted or reordered entry, the checkpoint the log no longer matches, or what is missing',
  async run(context) {
    const core = await context.core();
    const result = verifyAuditLog(core.services.db, core.services.workstation.id);
    if (result.ok) {
      const { checkpoints, records } = result;
      const signed = checkpoints.lastSeq === null ? '尚无签名检查点 / no signed checkpoint yet' : `${checkpoints.checkpoints} 个签名检查点，最新至第 ${checkpoints.lastSeq} 条 / ${checkpoints.checkpoints} signed checkpoints, the newest at entry ${checkpoints.lastSeq}`;
      const audited = Object.values(records.checked).reduce((sum, count) => sum + count, 0);
      context.print(result, `审计日志完好：${result.entries} 条 (the audit log is intact: ${result.entries} entries); ${signed}; ${audited} 条需留痕的记录均有条目 / all ${audited} audited records have their entry`);
      return 0;
    }
    if (context.json) context.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    for (const line of describeAuditProblems(result)) context.io.stderr(`dingxing: ${line}\n`);
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
