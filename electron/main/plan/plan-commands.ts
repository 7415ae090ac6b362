/**
 * Changing the inspection plan: units planned for a workstation by a date (from the 计划 screen or
 * a file), entries taken out. Each change is one transaction with its audit entry. A leader (not
 * the city office) plans only units of the districts their workstation serves, and takes out only
 * entries made on their own workstation.
 */
import { DxError } from '@shared/api/errors';
import type { Actor } from '@shared/domain/roles';
import type { DomainContext, ReadContext } from '../context/domain-context';
import { districtsServedBy } from '../trust/trust-store';
import { newId } from '../platform/ids';
import { findPlanEntry, insertPlanEntry, planEntryOf, removePlanEntry, updatePlanEntry } from './plan-store';
import type { PlanRow } from './plan-import';

/** The districts a caller may plan: every one for the city office, the workstation's own for a leader. */
export function allowedDistricts(ctx: ReadContext, actor: Actor): ReadonlySet<string> | null {
  return actor.roles.includes('city') ? null : new Set(districtsServedBy(ctx.db, ctx.workstation.id));
}

export interface PlanWriteOutcome {
  added: number;
  updated: number;
  unchanged: number;
}

/** Writes checked rows: a unit already planned for the cycle moves to the row's workstation and date. */
export function writePlanRows(ctx: DomainContext, rows: readonly Omit<PlanRow, 'line'>[], action: 'plan.add' | 'plan.import', subject: string | null): PlanWriteOutcome {
  const outcome: PlanWriteOutcome = { added: 0, updated: 0, unchanged: 0 };
  const stamp = ctx.now().toISOString();
  ctx.db.transaction(() => {
    for (const row of rows) {
      const existing = planEntryOf(ctx.db, row.cycle, row.unitId);
      if (!existing) {
        insertPlanEntry(ctx.db, { id: newId(), workstationId: ctx.workstation.id, cycle: row.cycle, unitId: row.unitId, assigneeId: row.assigneeId, dueOn: row.dueOn, plannedBy: ctx.actor.userId, createdAt: stamp, updatedAt: stamp });
        outcome.added += 1;
      } else if (existing.assigneeId === row.assigneeId && existing.dueOn === row.dueOn) {
        outcome.unchanged += 1;
      } else {
        updatePlanEntry(ctx.db, existing.id, { assigneeId: row.assigneeId, dueOn: row.dueOn, plannedBy: ctx.actor.userId, updatedAt: stamp });
        outcome.updated += 1;
      }
    }
    ctx.audit({ action, subject, data: { ...outcome, cycles: [...new Set(rows.map((row) => row.cycle))] } });
  }).immediate();
  return outcome;
}

/** Plans units picked on the 计划 screen; refuses unknown units or workstations and districts a leader does not serve, naming them. */
export function addToPlan(ctx: DomainContext, input: { cycle: number; unitIds: string[]; assigneeId: string; dueOn: string }, known: { workstationIds: ReadonlySet<string> }): PlanWriteOutcome {
  if (!known.workstationIds.has(input.assigneeId)) throw new DxError('BAD_INPUT', `未知的工作站 ${input.assigneeId} (unknown workstation ${input.assigneeId})`, { issues: [{ path: ['assigneeId'], message: 'unknown workstation' }] });
  const allowed = allowedDistricts(ctx, ctx.actor);
  const unit = ctx.db.prepare('SELECT id, name, district_code AS districtCode FROM units WHERE id = ?');
  const problems: { path: (string | number)[]; message: string }[] = [];
  input.unitIds.forEach((id, index) => {
    const found = unit.get(id) as { name: string; districtCode: string } | undefined;
    if (!found) problems.push({ path: ['unitIds', index], message: `未知的单位 ${id} (unknown unit ${id})` });
    else if (allowed !== null && !allowed.has(found.districtCode)) problems.push({ path: ['unitIds', index], message: `“${found.name}”不在本工作站服务的区 (not in a district this workstation serves)` });
  });
  if (problems.length > 0) throw new DxError('BAD_INPUT', `未写入计划：${problems[0]?.message}${problems.length > 1 ? ` 等 ${problems.length} 处` : ''} (nothing was planned)`, { issues: problems });
  return writePlanRows(ctx, [...new Set(input.unitIds)].map((unitId) => ({ cycle: input.cycle, unitId, assigneeId: input.assigneeId, dueOn: input.dueOn })), 'plan.add', null);
}

export function removeFromPlan(ctx: DomainContext, ids: readonly string[]): number {
  const isCity = ctx.actor.roles.includes('city');
  return ctx.db.transaction(() => {
    let removed = 0;
    for (const id of new Set(ids)) {
      const entry = findPlanEntry(ctx.db, id);
      if (!entry) throw new DxError('NOT_FOUND', `计划中没有条目 ${id} (no plan entry ${id})`);
      if (!isCity && entry.workstationId !== ctx.workstation.id) throw new DxError('FORBIDDEN', `条目 ${id} 不是本工作站编排的，只有市指挥部可以取消 (entry ${id} was planned elsewhere; only the city office takes it out)`);
      removePlanEntry(ctx.db, id);
      removed += 1;
    }
    ctx.audit({ action: 'plan.remove', subject: null, data: { ids: [...new Set(ids)] } });
    return removed;
  }).immediate();
}
