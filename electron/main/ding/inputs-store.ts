/**
 * The one module that writes `district_inputs`, and its reads. Rows are never changed: a new
 * entry for a district and cycle supersedes the earlier one (latest `entered_at`, then id).
 */
import type { Database } from 'better-sqlite3';
import type { AspectScores, StoredDistrictInputs } from '@shared/domain/district-inputs';
import type { DingGrade } from '@shared/rubric/ding-pack';
import { newId } from '../platform/ids';
import { distinctValuesSql } from '../db/distinct-values';
import type { ResolvedEntry } from './validate-inputs';

interface InputsRow {
  id: string;
  cycle: number;
  district_code: string;
  rule_of_law: number;
  aspects: string;
  veto: number;
  veto_reason: string | null;
  previous_grade: string;
  source: string;
  entered_by: string;
  entered_at: string;
  /** The user's display name, when a user of this workstation entered them. */
  entered_by_name?: string | null;
}

function toStored(row: InputsRow): StoredDistrictInputs {
  return {
    id: row.id,
    cycle: row.cycle,
    district: row.district_code,
    ruleOfLaw: row.rule_of_law,
    aspects: JSON.parse(row.aspects) as AspectScores,
    veto: row.veto === 1,
    vetoReason: row.veto_reason,
    previousGrade: row.previous_grade as DingGrade,
    enteredBy: row.entered_by,
    enteredByName: row.entered_by_name ?? null,
    enteredAt: row.entered_at,
    source: row.source,
  };
}

export interface InputsAuthor {
  workstationId: string;
  enteredBy: string;
  /** 'form', or the file name the inputs came from. */
  source: string;
  now: Date;
}

/** Appends every entry in one immediate transaction; returns the new ids in order. */
export function appendInputs(db: Database, cycle: number, entries: readonly ResolvedEntry[], author: InputsAuthor): string[] {
  const insert = db.prepare(
    `INSERT INTO district_inputs (id, workstation_id, cycle, district_code, rule_of_law, aspects, veto, veto_reason, previous_grade, source, entered_by, entered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = author.now.toISOString();
  return db
    .transaction(() =>
      entries.map((entry) => {
        const id = newId();
        insert.run(id, author.workstationId, cycle, entry.district, entry.ruleOfLaw, JSON.stringify(entry.aspects), entry.veto ? 1 : 0, entry.veto ? entry.vetoReason : null, entry.previousGrade, author.source, author.enteredBy, at);
        return id;
      }),
    )
    .immediate();
}

/** The inputs in force for `cycle`, by district code. */
export function currentInputs(db: Database, cycle: number): Map<string, StoredDistrictInputs> {
  const rows = db
    .prepare(
      `SELECT i.*, u.display_name AS entered_by_name FROM district_inputs i LEFT JOIN users u ON u.id = i.entered_by
        WHERE cycle = ? AND NOT EXISTS (
          SELECT 1 FROM district_inputs later
           WHERE later.cycle = i.cycle AND later.district_code = i.district_code
             AND (later.entered_at > i.entered_at OR (later.entered_at = i.entered_at AND later.id > i.id)))`,
    )
    .all(cycle) as InputsRow[];
  return new Map(rows.map((row) => [row.district_code, toStored(row)]));
}

/** Every entry ever made for a district and cycle, newest first (the earlier ones superseded). */
export function inputsHistory(db: Database, cycle: number, district: string): StoredDistrictInputs[] {
  return (db.prepare('SELECT i.*, u.display_name AS entered_by_name FROM district_inputs i LEFT JOIN users u ON u.id = i.entered_by WHERE i.cycle = ? AND i.district_code = ? ORDER BY i.entered_at DESC, i.id DESC').all(cycle, district) as InputsRow[]).map(toStored);
}

/** Cycles with assessments or inputs, newest first; the history's walked through its cycle index (migration 0016). */
export function knownCycles(db: Database): number[] {
  return db.prepare(`SELECT value AS cycle FROM (${distinctValuesSql('unit_star_history', 'cycle', 'DESC')}) UNION SELECT cycle FROM district_inputs ORDER BY cycle DESC`).pluck().all() as number[];
}
