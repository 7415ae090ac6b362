/**
 * Rectifications (整改): what a unit must put right by a date, usually from an item of an
 * assessment, closed when done (optionally by the follow-up assessment that checked it).
 * Overdue = open with a due date before the day asked about.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Rectification } from '@shared/api/procedures/assessments';
import { newId } from '../platform/ids';
import type { DomainContext, ReadContext } from '../context/domain-context';
import { localDate } from '../context/local-date';
import { getAssessmentRow, getUnitBrief } from './repository';
import { prepared } from '../db/statements';

interface RectificationRow {
  id: string;
  unit_id: string;
  unit_name: string;
  assessment_id: string | null;
  item_id: string | null;
  description: string;
  owner: string | null;
  due_on: string;
  status: 'open' | 'done';
  closed_on: string | null;
  follow_up_assessment_id: string | null;
}

const select = 'SELECT r.*, u.name AS unit_name FROM rectifications r JOIN units u ON u.id = r.unit_id';

/** Pure: is it overdue on `asOf`? */
export function isOverdue(rectification: { status: 'open' | 'done'; dueOn: string }, asOf: string): boolean {
  return rectification.status === 'open' && rectification.dueOn < asOf;
}

/** Pure: the date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function toRectification(row: RectificationRow, asOf: string): Rectification {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    assessmentId: row.assessment_id,
    itemId: row.item_id,
    description: row.description,
    owner: row.owner,
    dueOn: row.due_on,
    status: row.status,
    closedOn: row.closed_on,
    followUpAssessmentId: row.follow_up_assessment_id,
    overdue: isOverdue({ status: row.status, dueOn: row.due_on }, asOf),
  };
}

function getRow(ctx: ReadContext, id: string): RectificationRow {
  const row = ctx.db.prepare(`${select} WHERE r.id = ?`).get(id) as RectificationRow | undefined;
  if (!row) throw new DxError('NOT_FOUND', `No rectification ${id}`);
  return row;
}

export interface OpenInput {
  unitId: string;
  assessmentId?: string;
  itemId?: string;
  description: string;
  owner?: string;
  dueOn: string;
}

export function openRectification(ctx: DomainContext, input: OpenInput): Rectification {
  const actor = ctx.actor;
  const id = newId();
  ctx.db.transaction(() => {
    getUnitBrief(ctx.db, input.unitId);
    if (input.assessmentId !== undefined && getAssessmentRow(ctx.db, input.assessmentId).unit_id !== input.unitId) {
      throw new DxError('BAD_INPUT', 'The assessment is of another unit', { issues: [{ path: ['assessmentId'], message: 'another unit' }] });
    }
    const stamp = ctx.now().toISOString();
    ctx.db
      .prepare(
        `INSERT INTO rectifications (id, workstation_id, unit_id, assessment_id, item_id, description, owner, due_on, status, opened_by_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(id, ctx.workstation.id, input.unitId, input.assessmentId ?? null, input.itemId ?? null, input.description, input.owner ?? null, input.dueOn, actor.userId, stamp, stamp);
    ctx.audit({ action: 'rectification.open', subject: id, data: { unitId: input.unitId, item: input.itemId ?? null, dueOn: input.dueOn } });
  }).immediate();
  return toRectification(getRow(ctx, id), localDate(ctx.now()));
}

export function closeRectification(ctx: DomainContext, input: { id: string; closedOn?: string; followUpAssessmentId?: string }): Rectification {
  const actor = ctx.actor;
  const closedOn = input.closedOn ?? localDate(ctx.now());
  ctx.db.transaction(() => {
    const row = getRow(ctx, input.id);
    if (row.status === 'done') throw new DxError('CONFLICT', `Rectification ${input.id} is already closed`);
    if (input.followUpAssessmentId !== undefined && getAssessmentRow(ctx.db, input.followUpAssessmentId).unit_id !== row.unit_id) {
      throw new DxError('BAD_INPUT', 'The follow-up assessment is of another unit', { issues: [{ path: ['followUpAssessmentId'], message: 'another unit' }] });
    }
    ctx.db
      .prepare("UPDATE rectifications SET status = 'done', closed_on = ?, closed_by_id = ?, follow_up_assessment_id = COALESCE(?, follow_up_assessment_id), updated_at = ? WHERE id = ?")
      .run(closedOn, actor.userId, input.followUpAssessmentId ?? null, ctx.now().toISOString(), input.id);
    ctx.audit({ action: 'rectification.close', subject: input.id, data: { closedOn } });
  }).immediate();
  return toRectification(getRow(ctx, input.id), localDate(ctx.now()));
}

export function listRectificationsForUnit(ctx: ReadContext, unitId: string, includeDone = true): Rectification[] {
  const asOf = localDate(ctx.now());
  const rows = ctx.db
    .prepare(`${select} WHERE r.unit_id = ? ${includeDone ? '' : "AND r.status = 'open'"} ORDER BY r.status DESC, r.due_on`)
    .all(unitId) as RectificationRow[];
  return rows.map((row) => toRectification(row, asOf));
}

/**
 * The home page's share of listDue: the first `limit` open rectifications by due date up to
 * `withinDays` after `asOf` (overdue ones first), and how many are overdue, without reading
 * the thousands a city office holds.
 */
export function firstDue(ctx: ReadContext, asOf: string, withinDays: number, limit: number): { first: Rectification[]; overdueCount: number } {
  const rows = prepared(ctx.db, `${select} WHERE r.status = 'open' AND r.due_on <= ? ORDER BY r.due_on LIMIT ?`).all(addDays(asOf, withinDays), limit) as RectificationRow[];
  const overdueCount = (prepared(ctx.db, "SELECT count(*) AS n FROM rectifications WHERE status = 'open' AND due_on < ?").get(asOf) as { n: number }).n;
  return { first: rows.map((row) => toRectification(row, asOf)), overdueCount };
}

/** Open rectifications overdue on `asOf`, and those due from `asOf` to `withinDays` later. */
export function listDue(ctx: ReadContext, asOf: string = localDate(ctx.now()), withinDays = 14): { overdue: Rectification[]; due: Rectification[] } {
  const overdue = ctx.db.prepare(`${select} WHERE r.status = 'open' AND r.due_on < ? ORDER BY r.due_on`).all(asOf) as RectificationRow[];
  const due = ctx.db.prepare(`${select} WHERE r.status = 'open' AND r.due_on >= ? AND r.due_on <= ? ORDER BY r.due_on`).all(asOf, addDays(asOf, withinDays)) as RectificationRow[];
  return { overdue: overdue.map((row) => toRectification(row, asOf)), due: due.map((row) => toRectification(row, asOf)) };
}

/** A 整改 item as recorded elsewhere: another workstation opened it (the city's registry, or a laptop's bundle at the city), or the demo. */
export interface RecordedRectification {
  id: string;
  workstationId: string;
  unitId: string;
  assessmentId: string | null;
  itemId: string | null;
  description: string;
  owner: string | null;
  dueOn: string;
  status: 'open' | 'done';
  closedOn: string | null;
  followUpAssessmentId: string | null;
  createdAt: string;
  updatedAt: string;
}

function assessmentHere(db: Database, id: string | null): string | null {
  return id !== null && db.prepare('SELECT 1 FROM assessments WHERE id = ?').get(id) !== undefined ? id : null;
}

/**
 * Keeps an item whole, as it was recorded elsewhere (another workstation opened it, or the demo
 * made it), so it shows (and can be closed) here. Its assessment stays at the workstation that made
 * it: a link to one this workstation does not hold is left empty.
 */
export function keepRecordedRectification(db: Database, item: RecordedRectification): void {
  db.prepare(
    `INSERT INTO rectifications (id, workstation_id, unit_id, assessment_id, item_id, description, owner, due_on, status, closed_on, follow_up_assessment_id, created_at, updated_at)
     VALUES (@id, @workstationId, @unitId, @assessmentId, @itemId, @description, @owner, @dueOn, @status, @closedOn, @followUpAssessmentId, @createdAt, @updatedAt)`,
  ).run({ ...item, assessmentId: assessmentHere(db, item.assessmentId), followUpAssessmentId: assessmentHere(db, item.followUpAssessmentId) });
}

/**
 * Whether `incoming` is `local` closed elsewhere: the same item (unit, description, due date),
 * open here and done there. A closure is the one change any workstation may make to an item.
 */
export function isClosureOf(local: Readonly<Record<string, unknown>>, incoming: Readonly<Record<string, unknown>>): boolean {
  return local.status === 'open' && incoming.status === 'done' && local.unit_id === incoming.unit_id && local.description === incoming.description && local.due_on === incoming.due_on;
}

/** Applies a closure made on another workstation to the open item here (nothing else of it changes). */
export function applyReceivedClosure(db: Database, id: string, closure: { closedOn: string; followUpAssessmentId: string | null; updatedAt: string }): void {
  db.prepare("UPDATE rectifications SET status = 'done', closed_on = ?, follow_up_assessment_id = COALESCE(?, follow_up_assessment_id), updated_at = ? WHERE id = ? AND status = 'open'").run(
    closure.closedOn,
    assessmentHere(db, closure.followUpAssessmentId),
    closure.updatedAt,
    id,
  );
}

/** An assessment being discarded: the items it opened, or that followed it up, stay, no longer linked to it. */
export function detachRectificationsFrom(db: Database, assessmentId: string): void {
  prepared(db, 'UPDATE rectifications SET follow_up_assessment_id = NULL WHERE follow_up_assessment_id = ?').run(assessmentId);
  prepared(db, 'UPDATE rectifications SET assessment_id = NULL WHERE assessment_id = ?').run(assessmentId);
}
