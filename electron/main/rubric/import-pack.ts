/** An admin adds a rubric pack (a district's own, say): validated, stored once under its id@version, audited. */
import type { DomainContext } from '../context/domain-context';
import { addPack } from './pack-store';
import type { AddResult } from './pack-store';

export function importRubricPack(ctx: DomainContext, json: unknown): AddResult {
  return ctx.db.transaction(() => {
    const added = addPack(ctx.db, json, 'import', ctx.workstation.id, ctx.now());
    if (added.added) ctx.audit({ action: 'rubric.import', subject: added.ref, data: { sha256: added.sha256 } });
    return added;
  }).immediate();
}
