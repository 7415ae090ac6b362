/**
 * The workflow's rules as pure functions: which status may follow which, and who may move it.
 *
 *   draft ──submit──▶ submitted ──sign (leader)──▶ signed ──finalize (leader)──▶ final
 *     ▲                   │
 *     └──reopen (leader)──┘
 *
 * signed and final are immutable (DB triggers too); a correction is a new draft that
 * supersedes a signed or final one. final means released: no more changes of status.
 */
import { DxError } from '@shared/api/errors';
import type { AssessmentStatus } from '@shared/api/procedures/assessments';
import type { Role } from '@shared/domain/roles';

export type Action = 'edit' | 'submit' | 'reopen' | 'sign' | 'finalize' | 'supersede' | 'discard' | 'addEvidence' | 'removeEvidence';

const allowedFrom: Record<Action, readonly AssessmentStatus[]> = {
  edit: ['draft'],
  submit: ['draft'],
  reopen: ['submitted'],
  sign: ['submitted'],
  finalize: ['signed'],
  supersede: ['signed', 'final'],
  discard: ['draft'],
  addEvidence: ['draft', 'submitted'],
  removeEvidence: ['draft'],
};

const leaderOnly: ReadonlySet<Action> = new Set(['reopen', 'sign', 'finalize']);

export function isSigned(status: AssessmentStatus): boolean {
  return status === 'signed' || status === 'final';
}

export function canDo(action: Action, status: AssessmentStatus, roles: readonly Role[]): boolean {
  return allowedFrom[action].includes(status) && (!leaderOnly.has(action) || roles.includes('leader'));
}

/** Throws CONFLICT for a wrong state and FORBIDDEN for a wrong role, with a message that says which. */
export function assertCan(action: Action, status: AssessmentStatus, roles: readonly Role[], assessmentId: string): void {
  if (!allowedFrom[action].includes(status)) {
    const why = isSigned(status) ? 'it is signed and immutable; start a correction instead' : `its status is ${status}`;
    throw new DxError('CONFLICT', `Cannot ${action} assessment ${assessmentId}: ${why}`, { status, action });
  }
  if (leaderOnly.has(action) && !roles.includes('leader')) {
    throw new DxError('FORBIDDEN', `只有组长可以${action}评定 / Only a team leader may ${action} an assessment`, { reason: 'auth.roleRequired', params: { roles: 'leader' }, action });
  }
}
