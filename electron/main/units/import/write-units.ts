/**
 * Writes checked unit drafts in one transaction with prepared statements; streets are created as
 * needed through a per-district cache. Any throw (including a cancel) rolls the whole file back.
 */
import type { Database } from 'better-sqlite3';
import { newId } from '../../ids';
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
  const insertUnit = db.prepare(
    `INSERT INTO units (id, workstation_id, name, kind, industry, district_code, street_id, address, uscc, households, contact, phone, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const findStreet = db.prepare('SELECT id FROM streets WHERE district_code = ? AND name = ?').pluck();
  const insertStreet = db.prepare('INSERT INTO streets (id, district_code, name) VALUES (?, ?, ?)');
  const every = options.every ?? 1000;
  const streetIds = new Map<string, string>();
  let streetsCreated = 0;

  const streetId = (districtCode: string, name: string): string => {
    const key = `${districtCode}\u0000${name}`;
    let id = streetIds.get(key);
    if (id === undefined) {
      id = findStreet.get(districtCode, name) as string | undefined;
      if (id === undefined) {
        id = newId();
        insertStreet.run(id, districtCode, name);
        streetsCreated += 1;
      }
      streetIds.set(key, id);
    }
    return id;
  };

  const run = db.transaction(() => {
    const now = new Date().toISOString();
    drafts.forEach((draft, index) => {
      insertUnit.run(
        newId(),
        options.workstationId,
        draft.name,
        draft.kind,
        draft.industry,
        draft.districtCode,
        draft.street === null ? null : streetId(draft.districtCode, draft.street),
        draft.address,
        draft.uscc,
        draft.households,
        draft.contact,
        draft.phone,
        now,
        now,
      );
      if ((index + 1) % every === 0) options.onProgress?.(index + 1, drafts.length);
    });
    options.onProgress?.(drafts.length, drafts.length);
    options.beforeCommit?.({ imported: drafts.length, streetsCreated });
  });
  run.immediate();
  return { imported: drafts.length, streetsCreated };
}
