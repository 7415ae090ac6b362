/** `dingxing audit verify`: checks the audit log's hash chain; exit 1 naming the first broken entry. */
import type { CliCommand } from '../command';
import { describeBreak, verifyAuditChain } from '../../audit/audit-verify';

export const auditVerifyCommand: CliCommand = {
  path: ['audit', 'verify'],
  summary: 'Check the audit log’s hash chain; exit 1 naming the first edited, deleted or reordered entry',
  async run(context) {
    const core = await context.core();
    const result = verifyAuditChain(core.services.db);
    if (result.ok) {
      context.print(result, `审计日志完好：${result.entries} 条 (the audit log is intact: ${result.entries} entries)`);
      return 0;
    }
    if (context.json) context.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    context.io.stderr(`dingxing: ${describeBreak(result.firstBroken as NonNullable<typeof result.firstBroken>)}\n`);
    return 1;
  },
};
