/** Handlers of the audit log: 设置 › 审计日志, `dingxing audit verify` and signing a checkpoint on demand. */
import type { auditProcedures } from '@shared/api/procedures/audit';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { listAudit } from '../../audit/audit-queries';
import { describeAuditProblems, verifyAuditLog } from '../../audit/verify-log';
import { nameSubject } from '../../records/record-names';
import type { RecordRef } from '@shared/domain/record-ref';

/** Details that name a record by its id; shown by the record's name instead. */
const idDetails = ['unitId', 'assessmentId', 'supersedes', 'followsUpId', 'source', 'recordId'];

/** An entry's subject and id-valued details, named for people (the ids stay in `subject` and `data`). */
function namedEntry(services: CoreServices, subject: string | null, data: string): { subjectRef: RecordRef | null; dataRefs: Record<string, RecordRef> } {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(data) as Record<string, unknown>;
  } catch {
    // Data is always JSON the core wrote; an entry from elsewhere that is not is shown as it is.
  }
  const dataRefs: Record<string, RecordRef> = {};
  for (const key of idDetails) {
    const value = parsed[key];
    if (typeof value === 'string' && value.length > 0) dataRefs[key] = nameSubject(services.db, services.workstation, value);
  }
  return { subjectRef: subject === null ? null : nameSubject(services.db, services.workstation, subject), dataRefs };
}

type AuditHandlers = Pick<HandlerMap, keyof typeof auditProcedures>;

export function auditHandlers(services: CoreServices): AuditHandlers {
  const { db, workstation } = services;
  return {
    'audit.list': (input) => {
      const list = listAudit(db, workstation.id, input);
      return { ...list, items: list.items.map((item) => ({ ...item, ...namedEntry(services, item.subject, item.data) })) };
    },
    'audit.verify': () => {
      const verification = verifyAuditLog(db, workstation.id);
      return { verification, problems: describeAuditProblems(verification) };
    },
    'audit.checkpoint': () => services.checkpoints.sign('manual'),
  };
}
