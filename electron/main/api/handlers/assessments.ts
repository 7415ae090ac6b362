/** Handlers of the assessment workflow procedures: thin calls into electron/main/assessments/. */
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { assessmentProcedures, DemoResult } from '@shared/api/procedures/assessments';
import type { CoreServices } from '../../core-services';
import { depsOfServices } from '../../assessments/deps';
import { addEvidence, getEvidenceData, listEvidence, removeEvidence } from '../../assessments/evidence';
import { homeSummary } from '../../assessments/home-summary';
import { closeRectification, listDue, listRectificationsForUnit, openRectification } from '../../assessments/rectifications';
import { assessmentFacets, listForUnit, listOpen, listRecent, searchAssessments } from '../../assessments/repository';
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
import { certificateDepsOf } from '../../certificates/deps';
import { issueDemoCertificates } from '../../demo/demo-certificates';

type AssessmentHandlers = Pick<HandlerMap, keyof typeof assessmentProcedures>;

export function assessmentHandlers(services: CoreServices): AssessmentHandlers {
  const deps = depsOfServices(services);
  return {
    'assessments.start': (input, context) => startAssessment(deps, input, requireActor(context)),
    'assessments.get': ({ id }) => getAssessment(deps, id),
    'assessments.saveDraft': (input, context) => saveDraft(deps, input, requireActor(context)),
    'assessments.preview': ({ id, answers }) => previewAssessment(deps, id, answers),
    'assessments.submit': (input, context) => submitAssessment(deps, input, requireActor(context)),
    'assessments.reopen': ({ id, reason }, context) => reopenAssessment(deps, id, reason, requireActor(context)),
    'assessments.sign': ({ id }, context) => signAssessment(deps, id, requireActor(context)),
    'assessments.finalize': ({ id }, context) => finalizeAssessment(deps, id, requireActor(context)),
    'assessments.supersede': ({ id, reason }, context) => supersedeAssessment(deps, id, reason, requireActor(context)),
    'assessments.discard': ({ id }, context) => ({ discarded: discardDraft(deps, id, requireActor(context)) }),
    'assessments.listDrafts': () => listOpen(services.db),
    'assessments.listForUnit': ({ unitId }) => listForUnit(services.db, unitId),
    'assessments.search': ({ limit, offset, mine, ...filters }, context) => ({
      ...searchAssessments(services.db, { ...filters, ...(mine === true ? { startedById: requireActor(context).userId } : {}), limit: limit ?? 20, offset: offset ?? 0 }),
      ...assessmentFacets(services.db),
    }),
    'assessments.listRecent': ({ limit, cycle }) => listRecent(services.db, limit ?? 50, cycle),
    'evidence.add': ({ assessmentId, itemId, name, dataBase64 }, context) =>
      addEvidence(deps, services.dataDir, { assessmentId, itemId, name, bytes: Buffer.from(dataBase64, 'base64') }, requireActor(context)),
    'evidence.list': ({ assessmentId }) => listEvidence(deps, assessmentId),
    'evidence.get': ({ id }) => getEvidenceData(deps, services.dataDir, id),
    'evidence.remove': ({ id }, context) => ({ removed: removeEvidence(deps, id, requireActor(context)) }),
    'rectifications.open': (input, context) => openRectification(deps, input, requireActor(context)),
    'rectifications.close': (input, context) => closeRectification(deps, input, requireActor(context)),
    'rectifications.listForUnit': ({ unitId, includeDone }) => listRectificationsForUnit(deps, unitId, includeDone ?? true),
    'rectifications.listDue': ({ asOf, withinDays }) => listDue(deps, asOf, withinDays ?? 14),
    'home.summary': () => homeSummary(deps),
    'demo.load': async (input, context) => {
      const loaded = (await runJob(services, 'demo.load', input, context)) as DemoResult;
      // Plaques too, as `dingxing demo` makes them, when the keys are at hand; else the result says why not.
      const certificates = await issueDemoCertificates(certificateDepsOf(services), requireActor(context).userId);
      return { ...loaded, certificates: certificates.issued, certificatesSkipped: certificates.skipped };
    },
  };
}
