/**
 * Every handler of the contract, assembled per domain; the type checker insists none is missing.
 * A domain's handlers (and with them its libraries: PDF, spreadsheets, charts, fonts) are loaded
 * the first time one of its procedures is called, so a door that lists units never loads them.
 */
import type { ProcedureName } from '@shared/api/contract';
import { assessmentProcedures } from '@shared/api/procedures/assessments';
import { auditProcedures } from '@shared/api/procedures/audit';
import { backupProcedures } from '@shared/api/procedures/backups';
import { bundleProcedures } from '@shared/api/procedures/bundles';
import { certificateProcedures } from '@shared/api/procedures/certificates';
import { dingProcedures } from '@shared/api/procedures/ding';
import { fileProcedures } from '@shared/api/procedures/files';
import { planProcedures } from '@shared/api/procedures/plan';
import { registryProcedures } from '@shared/api/procedures/registry';
import { scoringProcedures } from '@shared/api/procedures/scoring';
import { sessionProcedures } from '@shared/api/procedures/session';
import { systemProcedures } from '@shared/api/procedures/system';
import { unitProcedures } from '@shared/api/procedures/units';
import { userProcedures } from '@shared/api/procedures/users';
import { workstationProcedures } from '@shared/api/procedures/workstation';
import type { Dispatcher, HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';

type DomainHandlers<P> = Pick<HandlerMap, keyof P & ProcedureName>;

/** The handlers of one domain's procedures, each loading the domain's module on its first call. */
function lazyDomain<P extends Record<string, unknown>>(procedures: P, load: () => Promise<DomainHandlers<P>>): DomainHandlers<P> {
  let loaded: Promise<DomainHandlers<P>> | undefined;
  const domain: Record<string, (input: never, context: never) => unknown> = {};
  for (const name of Object.keys(procedures)) {
    domain[name] = async (input: never, context: never) => {
      loaded ??= load().catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
      const handlers = (await loaded) as unknown as Record<string, (input: never, context: never) => unknown>;
      return (handlers[name] as (input: never, context: never) => unknown)(input, context);
    };
  }
  // Each entry forwards to the loaded domain's handler of the same name, whose type the load promises.
  return domain as unknown as DomainHandlers<P>;
}

// Verifying a certificate needs none of the PDF writing the other certificate procedures load.
const { 'certificates.verifyQr': verifyQr, 'certificates.verifyPdf': verifyPdf, ...certificateWork } = certificateProcedures;

export function createHandlers(services: CoreServices, dispatcher: () => Dispatcher): HandlerMap {
  return {
    ...lazyDomain(systemProcedures, async () => (await import('./system')).systemHandlers(services, dispatcher)),
    ...lazyDomain(scoringProcedures, async () => (await import('./scoring')).scoringHandlers(services)),
    ...lazyDomain(unitProcedures, async () => (await import('./units')).unitHandlers(services)),
    ...lazyDomain(assessmentProcedures, async () => (await import('./assessments')).assessmentHandlers(services)),
    ...lazyDomain(certificateWork, async () => (await import('./certificates')).certificateHandlers(services)),
    ...lazyDomain({ 'certificates.verifyQr': verifyQr, 'certificates.verifyPdf': verifyPdf }, async () => (await import('./certificate-verification')).verificationHandlers(services)),
    ...lazyDomain(sessionProcedures, async () => (await import('./session')).sessionHandlers(services)),
    ...lazyDomain(userProcedures, async () => (await import('./users')).userHandlers(services)),
    ...lazyDomain(backupProcedures, async () => (await import('./backups')).backupHandlers(services)),
    ...lazyDomain(auditProcedures, async () => (await import('./audit')).auditHandlers(services)),
    ...lazyDomain(dingProcedures, async () => (await import('./ding')).dingHandlers(services)),
    ...lazyDomain(bundleProcedures, async () => (await import('./bundles')).bundleHandlers(services)),
    ...lazyDomain(fileProcedures, async () => (await import('./files')).fileHandlers(services)),
    ...lazyDomain(workstationProcedures, async () => (await import('./workstation')).workstationHandlers(services)),
    ...lazyDomain(planProcedures, async () => (await import('./plan')).planHandlers(services)),
    ...lazyDomain(registryProcedures, async () => (await import('./registry')).registryHandlers(services)),
  };
}
