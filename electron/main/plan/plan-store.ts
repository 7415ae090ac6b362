/**
 * The one writer of inspection_plan: which workstation assesses which unit in a cycle, and by
 * when. One entry per unit and cycle; planning the unit again changes who and by when. Entries
 * made here are logged for export (the leader's plan reaches the city office); entries a city
 * bundle brings are written with the change log paused by its import.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';

export interface PlanEntryRow {
  id: string;
  /** The workstation that planned it. */
  workstationId: string;
  cycle: number;
  unitId: string;
  /** The workstation that assesses the unit. */
  assigneeId: string;
  dueOn: string;
  plannedBy: string;
  createdAt: string;
  updatedAt: string;
}

const select = `SELECT id, workstation_id AS workstationId, cycle, unit_id AS unitId, assignee_id AS assigneeId, due_on AS dueOn, planned_by AS plannedBy,
  created_at AS createdAt, updated_at AS updatedAt FROM inspection_plan`;

export function findPlanEntry(db: Database, id: string): PlanEntryRow | undefined {
  return prepared(db, `${select} WHERE id = ?`).get(id) as PlanEntryRow | undefined;
}

export function planEntryOf(db: Database, cycle: number, unitId: string): PlanEntryRow | undefined {
  return prepared(db, `${select} WHERE cycle = ? AND unit_id = ?`).get(cycle, unitId) as PlanEntryRow | undefined;
}

export function insertPlanEntry(db: Database, row: PlanEntryRow): void {
  prepared(
    db,
    `INSERT INTO inspection_plan (id, workstation_id, cycle, unit_id, assignee_id, due_on, planned_by, created_at, updated_at)
     VALUES (@id, @workstationId, @cycle, @unitId, @assigneeId, @dueOn, @plannedBy, @createdAt, @updatedAt)`,
  ).run(row);
}

/** Who assesses it and by when change; the entry keeps its id and origin. */
export function updatePlanEntry(db: Database, id: string, change: { assigneeId: string; dueOn: string; plannedBy: string; updatedAt: string }): void {
  prepared(db, 'UPDATE inspection_plan SET assignee_id = @assigneeId, due_on = @dueOn, planned_by = @plannedBy, updated_at = @updatedAt WHERE id = @id').run({ ...change, id });
}

export function removePlanEntry(db: Database, id: string): void {
  prepared(db, 'DELETE FROM inspection_plan WHERE id = ?').run(id);
}
