/**
 * Procedures whose handlers write on the main connection. While a job writes from its worker
 * (jobs/write-gate.ts), these wait for it, queued and awaited, instead of blocking the main
 * thread on the database lock (the window would freeze for the busy timeout, then fail).
 * Reads never wait: in WAL mode they run beside the worker's write.
 */
import type { ProcedureName } from '@shared/api/contract';
import type { WriteGate } from '../jobs/write-gate';
import type { HandlerMap } from './dispatch';

export const mainThreadWrites: ReadonlySet<ProcedureName> = new Set<ProcedureName>([
  'assessments.start',
  'assessments.saveDraft',
  'assessments.submit',
  'assessments.reopen',
  'assessments.sign',
  'assessments.finalize',
  'assessments.supersede',
  'assessments.discard',
  'evidence.add',
  'evidence.remove',
  'rectifications.open',
  'rectifications.close',
  'certificates.issue',
  'certificates.revoke',
  'ding.inputs.record',
  'units.create',
  'units.update',
  'session.login',
  'session.logout',
  'session.lock',
  'session.unlock',
  'session.changePassword',
  'setup.createAdmin',
  'users.add',
  'users.update',
  'users.resetPassword',
  'keys.create',
  'keys.unlock',
  'keys.lock',
  'workstation.setName',
  'verification.setAddress',
]);

export function queueBehindWriterJobs(handlers: HandlerMap, gate: WriteGate): HandlerMap {
  const queued = { ...handlers } as Record<ProcedureName, (input: never, context: never) => unknown>;
  for (const name of mainThreadWrites) {
    const handler = handlers[name] as (input: never, context: never) => unknown;
    queued[name] = (input, context) => gate.whenFree(() => handler(input, context));
  }
  return queued as unknown as HandlerMap;
}
