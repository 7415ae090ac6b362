/** Handlers of the assessment workflow procedures: thin calls into electron/main/assessments/. */
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { assessmentProcedures } from '@shared/api/procedures/assessments';
import type { CoreServices } from '../core-services';
import { addEvidence, getEvidenceData, listEvidence, removeEvidence } from '../../assessments/evidence';
import { homeSummary } from '../../assessments/home-summary';
import { importAssessmentDocuments } from '../../assessments/import-documents';
import { issueDemoCertificates } from '../../demo/demo-certificates';
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

type AssessmentHandlers = Pick<HandlerMap, keyof typeof assessmentProcedures>;

export function assessmentHandlers(services: CoreServices): AssessmentHandlers {
  return {
    'assessments.start': (input, context) => startAssessment(context.domain(), input),
    'assessments.get': ({ id }, context) => getAssessment(context.domain(), id),
    'assessments.saveDraft': (input, context) => saveDraft(context.domain(), input),
    'assessments.preview': ({ id, answers }, context) => previewAssessment(context.domain(), id, answers),
    'assessments.submit': (input, context) => submitAssessment(context.domain(), input),
    'assessments.reopen': ({ id, reason }, context) => reopenAssessment(context.domain(), id, reason),
    'assessments.sign': ({ id }, context) => signAssessment(context.domain(), id),
    'assessments.finalize': ({ id }, context) => finalizeAssessment(context.domain(), id),
    'assessments.supersede': ({ id, reason }, context) => supersedeAssessment(context.domain(), id, reason),
    'assessments.discard': ({ id }, context) => ({ discarded: discardDraft(context.domain(), id) }),
    'assessments.listDrafts': () => listOpen(services.db),
    'assessments.listForUnit': ({ unitId }) => listForUnit(services.db, unitId),
    'assessments.search': ({ limit, offset, mine, ...filters }, context) => ({
      ...searchAssessments(services.db, { ...filters, ...(mine === true ? { startedById: requireActor(context).userId } : {}), limit: limit ?? 20, offset: offset ?? 0 }),
      ...assessmentFacets(services.db),
    }),
    'assessments.listRecent': ({ limit, cycle }) => listRecent(services.db, limit ?? 50, cycle),
    'evidence.add': ({ assessmentId, itemId, name, dataBase64 }, context) =>
      addEvidence(context.domain(), services.dataDir, { assessmentId, itemId, name, bytes: Buffer.from(dataBase64, 'base64') }),
    'evidence.list': ({ assessmentId }, context) => listEvidence(context.domain(), assessmentId),
    'evidence.get': ({ id }, context) => getEvidenceData(context.domain(), services.dataDir, id),
    'evidence.remove': ({ id }, context) => ({ removed: removeEvidence(context.domain(), id) }),
    'rectifications.open': (input, context) => openRectification(context.domain(), input),
    'rectifications.close': (input, context) => closeRectification(context.domain(), input),
    'rectifications.listForUnit': ({ unitId, includeDone }, context) => listRectificationsForUnit(context.domain(), unitId, includeDone ?? true),
    'rectifications.listDue': ({ asOf, withinDays }, context) => listDue(context.domain(), asOf, withinDays ?? 14),
    'home.summary': (_input, context) => homeSummary(context.domain()),
    'demo.load': async (input, context) => {
      const loaded = await context.runJob(input);
      // Plaques too, as `dingxing demo` makes them, when the keys are at hand; else the result says why not.
      // The demo never asks for a passphrase: a key store that would prompt counts as none.
      const keyStore = services.platform.keyStore?.asks === true ? null : services.platform.keyStore;
      const issued = await issueDemoCertificates(context.domain(), keyStore, (done, total) => context.progress(done, total, 'certificates'));
      return { ...loaded, certificates: issued.issued, certificatesSkipped: issued.skipped };
    },
    'assessments.import': ({ documents }, context) => importAssessmentDocuments(context.domain(), documents),
  };
}
