/** Every handler of the contract, assembled per domain; the type checker insists none is missing. */
import type { Dispatcher, HandlerMap } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { systemHandlers } from './system';
import { scoringHandlers } from './scoring';
import { unitHandlers } from './units';
import { assessmentHandlers } from './assessments';
import { certificateHandlers } from './certificates';
import { sessionHandlers } from './session';
import { userHandlers } from './users';
import { backupHandlers } from './backups';
import { auditHandlers } from './audit';
import { dingHandlers } from './ding';
import { queueBehindWriterJobs } from '../main-thread-writes';
import { bundleHandlers } from './bundles';
import { fileHandlers } from './files';
import { workstationHandlers } from './workstation';
import { planHandlers } from './plan';
import { registryHandlers } from './registry';

export function createHandlers(services: CoreServices, dispatcher: () => Dispatcher): HandlerMap {
  const handlers: HandlerMap = {
    ...systemHandlers(services, dispatcher),
    ...scoringHandlers(services),
    ...unitHandlers(services),
    ...assessmentHandlers(services),
    ...certificateHandlers(services),
    ...sessionHandlers(services),
    ...userHandlers(services),
    ...backupHandlers(services),
    ...auditHandlers(services),
    ...dingHandlers(services),
    ...bundleHandlers(services),
    ...fileHandlers(services),
    ...workstationHandlers(services),
    ...planHandlers(services),
    ...registryHandlers(services),
  };
  return queueBehindWriterJobs(handlers, services.writeGate);
}
