/**
 * The API contract: every procedure the renderer (or any other door) may call, by name.
 * Each domain contributes its own map; a name may appear once.
 */
import type { z } from 'zod';
import type { ProcedureDef } from './procedure';
import { systemProcedures } from './procedures/system';
import { scoringProcedures } from './procedures/scoring';
import { unitProcedures } from './procedures/units';
import { assessmentProcedures } from './procedures/assessments';
import { certificateProcedures } from './procedures/certificates';
import { sessionProcedures } from './procedures/session';
import { userProcedures } from './procedures/users';
import { backupProcedures } from './procedures/backups';
import { auditProcedures } from './procedures/audit';
import { dingProcedures } from './procedures/ding';
import { bundleProcedures } from './procedures/bundles';
import { fileProcedures } from './procedures/files';
import { workstationProcedures } from './procedures/workstation';
import { planProcedures } from './procedures/plan';
import { registryProcedures } from './procedures/registry';

export const procedures = {
  ...systemProcedures,
  ...scoringProcedures,
  ...unitProcedures,
  ...assessmentProcedures,
  ...certificateProcedures,
  ...sessionProcedures,
  ...userProcedures,
  ...backupProcedures,
  ...auditProcedures,
  ...dingProcedures,
  ...bundleProcedures,
  ...fileProcedures,
  ...workstationProcedures,
  ...planProcedures,
  ...registryProcedures,
} satisfies Record<string, ProcedureDef>;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
/** What a caller passes (before defaults are applied). */
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>;
/** What a handler receives (after parsing). */
export type ProcedureParsedInput<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}
