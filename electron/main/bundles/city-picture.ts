/**
 * The city's picture on a laptop, kept apart from the laptop's own records: the official history
 * rows and current certificates of the units it serves, as its last city bundle said. The one
 * writer of city_star_history and city_certificates. Each unit's rows are replaced by the city's
 * (a city bundle is a state, not a change set); rows the laptop holds itself are never copied.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';

export interface CityHistoryRow {
  id: string;
  unitId: string;
  cycle: number;
  stars: number;
  previousStars: number;
  assessedOn: string;
  vetoed: boolean;
  decidedBy: string | null;
  source: 'assessment' | 'paper';
  workstationId: string | null;
  assessmentId: string | null;
  enteredBy: string | null;
  createdAt: string;
}

export interface CityCertificateRow {
  id: string;
  number: string;
  workstationId: string;
  unitId: string;
  assessmentId: string | null;
  cycle: number;
  stars: number;
  issuedOn: string;
  validUntil: string;
}

export interface PictureCounts {
  added: number;
  alreadyPresent: number;
  removed: number;
}

/** The unit's city history becomes `rows`; returns what was new, what was there, what the city no longer holds. */
export function replaceCityHistory(db: Database, unitId: string, rows: readonly CityHistoryRow[], from: string, at: string): PictureCounts {
  const before = new Set(prepared(db, 'SELECT id FROM city_star_history WHERE unit_id = ?').all(unitId).map((row) => (row as { id: string }).id));
  const counts: PictureCounts = { added: 0, alreadyPresent: 0, removed: 0 };
  const keep = new Set(rows.map((row) => row.id));
  for (const id of before) {
    if (!keep.has(id)) {
      prepared(db, 'DELETE FROM city_star_history WHERE id = ?').run(id);
      counts.removed += 1;
    }
  }
  const insert = prepared(
    db,
    `INSERT INTO city_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, vetoed, decided_by, source, workstation_id, assessment_id, entered_by, created_at, received_from, received_at)
     VALUES (@id, @unitId, @cycle, @stars, @previousStars, @assessedOn, @vetoed, @decidedBy, @source, @workstationId, @assessmentId, @enteredBy, @createdAt, @from, @at)
     ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, received_from = excluded.received_from, received_at = excluded.received_at`,
  );
  for (const row of rows) {
    insert.run({ ...row, vetoed: row.vetoed ? 1 : 0, from, at });
    if (before.has(row.id)) counts.alreadyPresent += 1;
    else counts.added += 1;
  }
  return counts;
}

/** The unit's current certificates at the city become `rows`. */
export function replaceCityCertificates(db: Database, unitId: string, rows: readonly CityCertificateRow[], from: string, at: string): PictureCounts {
  const before = new Set(prepared(db, 'SELECT id FROM city_certificates WHERE unit_id = ?').all(unitId).map((row) => (row as { id: string }).id));
  const keep = new Set(rows.map((row) => row.id));
  const counts: PictureCounts = { added: 0, alreadyPresent: 0, removed: 0 };
  for (const id of before) {
    if (!keep.has(id)) {
      prepared(db, 'DELETE FROM city_certificates WHERE id = ?').run(id);
      counts.removed += 1;
    }
  }
  const insert = prepared(
    db,
    `INSERT INTO city_certificates (id, number, workstation_id, unit_id, assessment_id, cycle, stars, issued_on, valid_until, received_from, received_at)
     VALUES (@id, @number, @workstationId, @unitId, @assessmentId, @cycle, @stars, @issuedOn, @validUntil, @from, @at)
     ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, received_from = excluded.received_from, received_at = excluded.received_at`,
  );
  for (const row of rows) {
    insert.run({ ...row, from, at });
    if (before.has(row.id)) counts.alreadyPresent += 1;
    else counts.added += 1;
  }
  return counts;
}
