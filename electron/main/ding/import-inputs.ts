/**
 * Records a `dingxing.district-inputs/1` document (a file or the city office's entry form): checked
 * whole first, then every entry appended in one transaction with who entered it; audited.
 */
import type { Database } from 'better-sqlite3';
import { appendInputs } from './inputs-store';
import { validateInputsDocument } from './validate-inputs';

export interface InputsImportDeps {
  db: Database;
  workstationId: string;
  now(): Date;
  audit(entry: { actor: string; action: string; subject?: string | null; data?: Record<string, unknown> }): void;
}

export interface InputsImportResult {
  cycle: number;
  recorded: { id: string; district: string }[];
}

export function recordDistrictInputs(deps: InputsImportDeps, raw: unknown, enteredBy: string, source: string): InputsImportResult {
  const { cycle, entries } = validateInputsDocument(deps.db, raw);
  const ids = appendInputs(deps.db, cycle, entries, { workstationId: deps.workstationId, enteredBy, source, now: deps.now() });
  const recorded = entries.map((entry, index) => ({ id: ids[index] as string, district: entry.district }));
  deps.audit({ actor: enteredBy, action: 'ding.inputs.record', subject: String(cycle), data: { source, districts: recorded.map((entry) => entry.district) } });
  return { cycle, recorded };
}
