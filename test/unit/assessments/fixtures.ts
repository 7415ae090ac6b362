// Shared set-up for the assessment workflow tests: a core, units, complete answers built from the form.
import type { Answers, Assessment, FormSection } from '@shared/api/procedures/assessments';
import type { Actor } from '@shared/domain/roles';
import type { DomainContext, ReadContext } from '../../../electron/main/context/domain-context';
import type { Core } from '../../../electron/main/host/core';
import { contextOf } from '../../helpers/context';
import { newId } from '../../../electron/main/platform/ids';
import { fullAnswers } from '../../helpers/full-answers';
import { testCore } from '../../helpers/core';

export { leaderActor as leader, inspectorActor as inspector } from '../../helpers/actors';
export { fullAnswers };

export interface Fixture {
  core: Core;
  /** For reads: the connection, the workstation and the fixture's clock. */
  deps: ReadContext;
  /** The context of `actor`, on the fixture's clock. */
  as(actor: Actor): DomainContext;
  /** Moves the clock used by the workflow. */
  setNow(iso: string): void;
}

export async function fixture(): Promise<Fixture> {
  const core = await testCore();
  let now = new Date('2026-11-20T10:00:00');
  const clock = () => now;
  return { core, deps: { db: core.services.db, workstation: core.services.workstation, now: clock }, as: (actor) => contextOf(core, actor, clock), setNow: (iso) => (now = new Date(iso)) };
}

export function addUnit(core: Core, fields: { name?: string; kind?: string; industry?: string | null; district?: string; uscc?: string | null; households?: number | null } = {}): string {
  const id = newId();
  const stamp = new Date().toISOString();
  core.services.db
    .prepare(
      `INSERT INTO units (id, workstation_id, name, kind, industry, district_code, uscc, households, created_at, updated_at)
       VALUES (?, 'ws', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, fields.name ?? `单位${id.slice(-6)}`, fields.kind ?? 'enterprise', fields.industry ?? null, fields.district ?? '420105', fields.uscc ?? null, fields.households ?? null, stamp, stamp);
  return id;
}


/** Answers worth about `total` points: full marks with RES-1/RES-4… switched off as needed is fiddly, so scale via deductions. */
export function answersScoring(form: FormSection[], target: 'five' | 'low' | 'veto'): Answers {
  if (target === 'five') return fullAnswers(form);
  if (target === 'veto') return fullAnswers(form, { 'VETO-1': true });
  // 100 − 15 (RES) − 10 (ORG) − 10 (RUL) − 5 (PRE-4) = 60 → one star by score.
  return fullAnswers(form, { 'RES-1': false, 'RES-2': false, 'RES-3': 0, 'RES-4': false, 'ORG-1': false, 'ORG-2': 0, 'ORG-3': false, 'RUL-1': false, 'RUL-2': false, 'RUL-3': false, 'RUL-4': false, 'PRE-4': false });
}

export type { Assessment };
