/** Handlers of 设置 › 审计日志: a thin call into electron/main/audit/audit-queries.ts. */
import type { auditProcedures } from '@shared/api/procedures/audit';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { listAudit } from '../../audit/audit-queries';

type AuditHandlers = Pick<HandlerMap, keyof typeof auditProcedures>;

export function auditHandlers(services: CoreServices): AuditHandlers {
  return {
    'audit.list': (input) => listAudit(services.db, services.workstation.id, input),
  };
}
