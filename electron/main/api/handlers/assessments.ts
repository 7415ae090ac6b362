/** Handlers of the assessment workflow procedures: thin calls into electron/main/assessments/. */
import type { HandlerMap } from '../dispatch';
import type { assessmentProcedures, DemoResult } from '@shared/api/procedures/assessments';
import type { CoreServices } from '../../core-services';
import { depsOfServices } from '../../assessments/deps';
import { addEvidence, getEvidenceData, listEvidence, removeEvidence } from '../../assessments/evidence';
import { homeSummary } from '../../assessments/home-summary';
import { closeRectification, listDue, listRectificationsForUnit, openRectification } from '../../assessments/rectifications';
import { listForUnit, listOpen, listRecent } from '../../assessments/repository';
import { getSession, setSession } from '../../assessments/session';
import {
  discardDraft,
  finalizeAssessment,
  getAssessment,
  previewAssessment,
  reopenAssessment,
  saveDraft,
  signAssessment,
  startAssessment,
  submitAssessment,
} from '../../assessments/workflow';
import { supersedeAssessment } from '../../assessments/workflow';
import { runJob } from '../../jobs/run-job';

type AssessmentHandlers = Pick<HandlerMap, keyof typeof assessmentProcedures>;

export function assessmentHandlers(services: CoreServices): AssessmentHandlers {
  const deps = depsOfServices(services);
  const session = () => getSession(services.db);
  return {
    'assessments.start': (input) => startAssessment(deps, input, session()),
    'assessments.get': ({ id }) => getAssessment(deps, id),
    'assessments.saveDraft': (input) => saveDraft(deps, input, session()),
    'assessments.preview': ({ id, answers }) => previewAssessment(deps, id, answers),
    'assessments.submit': (input) => submitAssessment(deps, input, session()),
    'assessments.reopen': ({ id }) => reopenAssessment(deps, id, session()),
    'assessments.sign': ({ id }) => signAssessment(deps, id, session()),
    'assessments.finalize': ({ id }) => finalizeAssessment(deps, id, session()),
    'assessments.supersede': ({ id, reason }) => supersedeAssessment(deps, id, reason, session()),
    'assessments.discard': ({ id }) => ({ discarded: discardDraft(deps, id, session()) }),
    'assessments.listDrafts': () => listOpen(services.db),
    'assessments.listForUnit': ({ unitId }) => listForUnit(services.db, unitId),
    'assessments.listRecent': ({ limit, cycle }) => listRecent(services.db, limit ?? 50, cycle),
    'evidence.add': ({ assessmentId, itemId, name, dataBase64 }) =>
      addEvidence(deps, services.dataDir, { assessmentId, itemId, name, bytes: Buffer.from(dataBase64, 'base64') }, session()),
    'evidence.list': ({ assessmentId }) => listEvidence(deps, assessmentId),
    'evidence.get': ({ id }) => getEvidenceData(deps, services.dataDir, id),
    'evidence.remove': ({ id }) => ({ removed: removeEvidence(deps, id, session()) }),
    'rectifications.open': (input) => openRectification(deps, input, session()),
    'rectifications.close': (input) => closeRectification(deps, input, session()),
    'rectifications.listForUnit': ({ unitId, includeDone }) => listRectificationsForUnit(deps, unitId, includeDone ?? true),
    'rectifications.listDue': ({ asOf, withinDays }) => listDue(deps, asOf, withinDays ?? 14),
    'home.summary': () => homeSummary(deps),
    'session.get': () => session(),
    'session.set': (input) => {
      const next = setSession(services.db, input);
      services.audit({ actor: next.name, action: 'session.set', data: { role: next.role } });
      return next;
    },
    'demo.load': async (input, context) => (await runJob(services, 'demo.load', input, context)) as DemoResult,
  };
}
