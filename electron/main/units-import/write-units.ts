/**
 * Writes checked unit drafts in one transaction through the unit store; streets are created as
 * needed through a per-file cache. Any throw (including a cancel) rolls the whole file back.
 */
import type { Database } from 'better-sqlite3';
import { newId } from '../platform/ids';
import { ensureStreet, insertUnit, updateUnitFacts } from '../units/unit-store';
import type { UnitDraft } from './validate-rows';
import { alreadyInHistory, paperEntries } from '../assessments/history-rules';
import type { PaperStars } from '../assessments/history-rules';
import { historyInForce, recordPaperRows, refreshUnitStars } from '../assessments/star-history';

export interface WriteOptions {
  workstationId: string;
  /** Who imports: kept with each paper-era history row. */
  enteredBy: string;
  now: Date;
  /** Called every `every` rows inside the transaction; may throw to cancel (rolls back). */
  onProgress?(done: number, total: number): void;
  every?: number;
  /** Runs inside the transaction after the rows, e.g. the audit entry, so both commit together. */
  beforeCommit?(result: { imported: number; streetsCreated: number; paperRows: number }): void;
}

export function writeUnits(db: Database, drafts: readonly UnitDraft[], options: WriteOptions): { imported: number; streetsCreated: number; paperRows: number } {
  const every = options.every ?? 1000;
  const streetIds = new Map<string, string>();
  let streetsCreated = 0;
  let paperRows = 0;
  /** Rows that added or changed a unit: an unchanged row of an update import writes nothing. */
  const written = () => drafts.filter((draft) => !draft.unchanged).length;

  const streetId = (districtCode: string, name: string): string => {
    const key = `${districtCode}\u0000${name}`;
    let id = streetIds.get(key);
    if (id === undefined) {
      const street = ensureStreet(db, districtCode, name);
      if (street.created) streetsCreated += 1;
      id = street.id;
      streetIds.set(key, id);
    }
    return id;
  };

  const run = db.transaction(() => {
    const now = options.now.toISOString();
    const paper: { unitId: string; stars: PaperStars }[] = [];
    drafts.forEach((draft, index) => {
      if (draft.paper !== undefined) paper.push({ unitId: draft.existingId ?? '', stars: draft.paper });
      if (draft.existingId !== undefined) {
        // Update mode: a changed unit gets the row's facts; an unchanged one is left alone.
        if (!draft.unchanged) {
          const inScope = (db.prepare('SELECT in_scope FROM units WHERE id = ?').pluck().get(draft.existingId) as number) === 1;
          updateUnitFacts(
            db,
            draft.existingId,
            { name: draft.name, kind: draft.kind, industry: draft.industry, districtCode: draft.districtCode, streetId: draft.street === null ? null : streetId(draft.districtCode, draft.street), address: draft.address, uscc: draft.uscc, households: draft.households, contact: draft.contact, phone: draft.phone, inScope },
            now,
          );
        }
        if ((index + 1) % every === 0) options.onProgress?.(index + 1, drafts.length);
        return;
      }
      const id = newId();
      if (draft.paper !== undefined) (paper.at(-1) as { unitId: string }).unitId = id;
      insertUnit(db, {
        id,
        workstationId: options.workstationId,
        name: draft.name,
        kind: draft.kind,
        industry: draft.industry,
        districtCode: draft.districtCode,
        streetId: draft.street === null ? null : streetId(draft.districtCode, draft.street),
        address: draft.address,
        uscc: draft.uscc,
        households: draft.households,
        contact: draft.contact,
        phone: draft.phone,
        inScope: true,
        createdAt: now,
      });
      if ((index + 1) % every === 0) options.onProgress?.(index + 1, drafts.length);
    });
    // Stars from the paper years: history rows marked as such, then the unit's stars follow its history.
    for (const { unitId, stars } of paper) {
      const history = historyInForce(db, unitId);
      const entries = paperEntries(stars).filter((entry) => !alreadyInHistory(history, entry));
      recordPaperRows(db, entries.map((entry) => ({ ...entry, unitId, enteredBy: options.enteredBy })), now);
      paperRows += entries.length;
      refreshUnitStars(db, unitId, now);
    }
    options.onProgress?.(drafts.length, drafts.length);
    options.beforeCommit?.({ imported: written(), streetsCreated, paperRows });
  });
  run.immediate();
  return { imported: written(), streetsCreated, paperRows };
}
