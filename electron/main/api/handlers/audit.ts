/** Handlers of the audit log: 设置 › 审计日志, `dingxing audit verify` and signing a checkpoint on demand. */
import type { auditProcedures } from '@shared/api/procedures/audit';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { listAudit } from '../../audit/audit-queries';
import { describeBreak, verifyAuditChain } from '../../audit/audit-verify';
import { describeCheckpointProblem, verifyOwnCheckpoints } from '../../audit/checkpoint-verify';

type AuditHandlers = Pick<HandlerMap, keyof typeof auditProcedures>;

export function auditHandlers(services: CoreServices): AuditHandlers {
  const { db, workstation } = services;
  return {
    'audit.list': (input) => listAudit(db, workstation.id, input),
    'audit.verify': () => {
      const chain = verifyAuditChain(db);
      const checkpoints = verifyOwnCheckpoints(db, workstation.id);
      const problems = [...(chain.firstBroken ? [describeBreak(chain.firstBroken)] : []), ...(checkpoints.firstProblem ? [describeCheckpointProblem(checkpoints.firstProblem)] : [])];
      return { verification: { ...chain, ok: chain.ok && checkpoints.ok, checkpoints }, problems };
    },
    'audit.checkpoint': () => services.checkpoints.sign('manual'),
  };
}
