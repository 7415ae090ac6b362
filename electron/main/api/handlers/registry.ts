/** Handlers of the record of truth: stale-basis marks and a person's decision on one. */
import { DxError } from '@shared/api/errors';
import type { registryProcedures, StaleBasisRow } from '@shared/api/procedures/registry';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { decideStaleBasis, findStaleBasis, listStaleBases } from '../../assessments/stale-basis';
import type { StoredStaleBasis as StoredMark } from '../../assessments/stale-basis';
import { supersedeAssessment } from '../../assessments/workflow';

type RegistryHandlers = Pick<HandlerMap, keyof typeof registryProcedures>;

export function registryHandlers(services: CoreServices): RegistryHandlers {
  const db = services.db;
  const unitOf = db.prepare('SELECT u.name AS unitName, d.name AS districtName FROM units u JOIN districts d ON d.code = u.district_code WHERE u.id = ?');
  const signer = db.prepare('SELECT workstation_id FROM assessments WHERE id = ?').pluck();
  const row = (mark: StoredMark): StaleBasisRow => ({ ...mark, ...(unitOf.get(mark.unitId) as { unitName: string; districtName: string }), signedHere: signer.get(mark.assessmentId) === services.workstation.id });

  return {
    'registry.staleBases': ({ open }) => listStaleBases(db, { open }).map(row),
    'registry.decideStale': ({ assessmentId, decision, note }, context) => {
      const ctx = context.domain();
      const actor = ctx.actor;
      // The correction and the decision commit together (the inner transaction is a savepoint).
      return ctx.db.transaction(() => {
        const mark = findStaleBasis(db, assessmentId);
        if (!mark) throw new DxError('NOT_FOUND', `评定 ${assessmentId} 没有依据过时的标记 (assessment ${assessmentId} is not marked as signed on an outdated basis)`);
        if (mark.decision !== null) throw new DxError('CONFLICT', `已于 ${mark.decidedAt} 由 ${mark.decidedBy} 决定：${mark.decision} (decided on ${mark.decidedAt} by ${mark.decidedBy}: ${mark.decision})`);
        // Re-issuing on the workstation that signed it starts the correction; its signing revokes the old plaque and a new one can be issued.
        const correct = decision === 'reissue' && signer.get(assessmentId) === services.workstation.id && actor.roles.includes('leader');
        const reason = note ?? `签署时的依据已过时：此前 ${mark.signedPreviousStars} 星，记录为 ${mark.previousStars} 星${mark.lockedOut ? '，且在否决锁定期内' : ''} (signed on an outdated basis)`;
        const correctionId = correct ? supersedeAssessment(ctx, assessmentId, reason).id : null;
        decideStaleBasis(db, assessmentId, decision, note ?? null, actor.userId, ctx.now().toISOString());
        ctx.audit({ action: 'registry.stale.decide', subject: assessmentId, data: { decision, note: note ?? null, correctionId } });
        return { mark: row(findStaleBasis(db, assessmentId) as StoredMark), correctionId };
      }).immediate();
    },
  };
}
