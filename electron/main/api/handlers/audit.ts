/** Handlers of the audit log: 设置 › 审计日志, `dingxing audit verify` and signing a checkpoint on demand. */
import type { auditProcedures } from '@shared/api/procedures/audit';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { listAudit } from '../../audit/audit-queries';
import { describeAuditProblems, verifyAuditLog } from '../../audit/verify-log';

type AuditHandlers = Pick<HandlerMap, keyof typeof auditProcedures>;

export function auditHandlers(services: CoreServices): AuditHandlers {
  const { db, workstation } = services;
  return {
    'audit.list': (input) => listAudit(db, workstation.id, input),
    'audit.verify': () => {
      const verification = verifyAuditLog(db, workstation.id);
      return { verification, problems: describeAuditProblems(verification) };
    },
    'audit.checkpoint': () => services.checkpoints.sign('manual'),
  };
}
