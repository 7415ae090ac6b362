/**
 * Writes checked unit drafts in one transaction through the unit store; streets are created as
 * needed through a per-file cache. Any throw (including a cancel) rolls the whole file back.
 */
import type { Database } from 'better-sqlite3';
import { newId } from '../../ids';
import { ensureStreet, insertUnit } from '../unit-store';
import type { UnitDraft } from './validate-rows';

export interface WriteOptions {
  workstationId: string;
  /** Called every `every` rows inside the transaction; may throw to cancel (rolls back). */
  onProgress?(done: number, total: number): void;
  every?: number;
  /** Runs inside the transaction after the rows, e.g. the audit entry, so both commit together. */
  beforeCommit?(result: { imported: number; streetsCreated: number }): void;
}

export function writeUnits(db: Database, drafts: readonly UnitDraft[], options: WriteOptions): { imported: number; streetsCreated: number } {
  const every = options.every ?? 1000;
  const streetIds = new Map<string, string>();
  let streetsCreated = 0;

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
    const now = new Date().toISOString();
    drafts.forEach((draft, index) => {
      insertUnit(db, {
        id: newId(),
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
    options.onProgress?.(drafts.length, drafts.length);
    options.beforeCommit?.({ imported: drafts.length, streetsCreated });
  });
  run.immediate();
  return { imported: drafts.length, streetsCreated };
}
