/**
 * Records a `dingxing.district-inputs/1` document (a file or the city office's entry form): checked
 * whole first, then every entry appended in one transaction with who entered it; audited.
 */
import type { DomainContext } from '../context/domain-context';
import { appendInputs } from './inputs-store';
import { validateInputsDocument } from './validate-inputs';

export interface InputsImportResult {
  cycle: number;
  recorded: { id: string; district: string }[];
}

export function recordDistrictInputs(ctx: DomainContext, raw: unknown, source: string): InputsImportResult {
  const { cycle, entries } = validateInputsDocument(ctx.db, raw);
  return ctx.db.transaction((): InputsImportResult => {
    const ids = appendInputs(ctx.db, cycle, entries, { workstationId: ctx.workstation.id, enteredBy: ctx.actor.userId, source, now: ctx.now() });
    const recorded = entries.map((entry, index) => ({ id: ids[index] as string, district: entry.district }));
    ctx.audit({ action: 'ding.inputs.record', subject: String(cycle), data: { source, districts: recorded.map((entry) => entry.district) } });
    return { cycle, recorded };
  }).immediate();
}
