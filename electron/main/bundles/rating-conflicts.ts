/**
 * Two sides of a unit's stars in one cycle, held for a person (docs/registry.md):
 *
 * - `ratings`, at the city office: two workstations rated one unit in one cycle. The rating that
 *   arrived second is held: until a person chooses, the unit's official stars stay as they were.
 * - `city_history`, on a laptop: its own history of a cycle disagrees with the city's (other
 *   stars, or a veto). The city's row is held, never applied silently.
 *
 * Choosing one side sets the other aside (history-holds.ts); nothing is deleted, and the unit's
 * current stars and the stale-basis marks follow the history in force again.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { holdHistoryRow, holdOf, releaseHistoryRow } from '../assessments/history-holds';
import { refreshUnitStars } from '../assessments/star-history';
import { prepared } from '../db/statements';
import { holdConflict } from './conflict-store';
import type { ConflictRow } from './conflict-store';
import type { Row } from './record-rows';
import { workstationName } from '../trust/trust-store';

export const historyConflictTables = ['ratings', 'city_history'] as const;
export type HistoryConflictTable = (typeof historyConflictTables)[number];

export function isHistoryConflict(table: string): table is HistoryConflictTable {
  return (historyConflictTables as readonly string[]).includes(table);
}

/** One history row as a conflict shows it: which unit, cycle, stars, from which workstation. */
export interface RatingSide {
  historyId: string;
  unitId: string;
  cycle: number;
  stars: number;
  vetoed: boolean;
  assessedOn: string;
  assessmentId: string | null;
  workstationId: string | null;
  source: 'assessment' | 'paper';
}

function sideRow(db: Database, side: RatingSide, others: readonly string[] = []): Row {
  const unit = prepared(db, 'SELECT name FROM units WHERE id = ?').get(side.unitId) as { name: string } | undefined;
  return {
    unit_id: side.unitId,
    unit_name: unit?.name ?? side.unitId,
    cycle: side.cycle,
    stars: side.stars,
    vetoed: side.vetoed ? 1 : 0,
    assessed_on: side.assessedOn,
    assessment_id: side.assessmentId,
    workstation_id: side.workstationId,
    workstation_name: side.workstationId === null ? null : workstationName(db, side.workstationId),
    source: side.source,
    history_id: side.historyId,
    ...(others.length > 0 ? { history_ids: JSON.stringify(others) } : {}),
  };
}

export interface HeldConflict {
  id: string;
  table: string;
  recordId: string;
  reason: string;
}

/** Holds `incoming` against `standing` (same unit and cycle) and leaves it out of the history in force. */
export function holdHistoryConflict(
  db: Database,
  table: HistoryConflictTable,
  incoming: RatingSide,
  standing: readonly RatingSide[],
  context: { source: string; bundleId: string; version: number; now: string },
): HeldConflict | null {
  if (holdOf(db, incoming.historyId)) return null;
  const latest = [...standing].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn)).at(-1);
  if (!latest) return null;
  const incomingRow = sideRow(db, incoming);
  const reason =
    table === 'ratings'
      ? `${incoming.cycle} 年度已由另一工作站评定（${starText(latest)}），此评定（${starText(incoming)}）暂不计入正式星级，待人工选定 (two workstations rated this unit in ${incoming.cycle}: this rating waits for a person; the official stars stay as they were)`
      : `本机 ${incoming.cycle} 年度的记录（${starText(latest)}）与市级记录（${starText(incoming)}）不一致，市级记录暂不采用，待人工选定 (this laptop's own ${incoming.cycle} history disagrees with the city's; the city's row is held until a person chooses)`;
  const id = holdConflict(db, {
    table,
    recordId: incoming.historyId,
    source: context.source,
    bundleId: context.bundleId,
    incomingVersion: context.version,
    incomingSha256: createHash('sha256').update(JSON.stringify(incomingRow)).digest('hex'),
    local: sideRow(db, latest, standing.map((side) => side.historyId)),
    incoming: incomingRow,
    reason,
    createdAt: context.now,
  });
  holdHistoryRow(db, { historyId: incoming.historyId, unitId: incoming.unitId, cycle: incoming.cycle, conflictId: id, state: 'held' }, context.now);
  return { id, table, recordId: incoming.historyId, reason };
}

function starText(side: RatingSide): string {
  return side.vetoed ? '一票否决' : side.stars === 0 ? '无星' : `${side.stars} 星`;
}

interface HistoryRow {
  id: string;
  unit_id: string;
  cycle: number;
  stars: number;
  vetoed: number;
  assessed_on: string;
  assessment_id: string | null;
  workstation_id: string | null;
  source: 'assessment' | 'paper';
}

function sideOf(row: HistoryRow): RatingSide {
  return { historyId: row.id, unitId: row.unit_id, cycle: row.cycle, stars: row.stars, vetoed: row.vetoed === 1, assessedOn: row.assessed_on, assessmentId: row.assessment_id, workstationId: row.workstation_id, source: row.source };
}

/**
 * At the receiver of a workstation bundle: each rating the bundle added to a unit and cycle that
 * another workstation rated already (in force, not held) is held as a `ratings` conflict.
 */
export function holdRatingConflicts(db: Database, unitIds: Iterable<string>, added: ReadonlySet<string>, context: { source: string; bundleId: string; versions: ReadonlyMap<string, number>; now: string }): HeldConflict[] {
  const held: HeldConflict[] = [];
  const all = [...new Set(unitIds)];
  for (let start = 0; start < all.length; start += ratingChunk) {
    // The chunk's rows in force, read in one statement, by unit in the order of the list.
    const ids = all.slice(start, start + ratingChunk);
    const rows = prepared(
      db,
      `SELECT h.id, h.unit_id, h.cycle, h.stars, h.vetoed, h.assessed_on, h.assessment_id, a.workstation_id, h.source
         FROM json_each(?) u CROSS JOIN unit_star_history h ON h.unit_id = u.value JOIN assessments a ON a.id = h.assessment_id
        WHERE h.source = 'assessment'
          AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))
          AND NOT EXISTS (SELECT 1 FROM history_holds x WHERE x.history_id = h.id)`,
    ).all(JSON.stringify(ids)) as HistoryRow[];
    const byUnit = new Map<string, HistoryRow[]>();
    for (const row of rows) {
      const list = byUnit.get(row.unit_id);
      if (list === undefined) byUnit.set(row.unit_id, [row]);
      else list.push(row);
    }
    for (const unitRows of byUnit.values()) {
      for (const row of unitRows) {
        if (!added.has(row.id)) continue;
        const standing = unitRows.filter((other) => other.cycle === row.cycle && !added.has(other.id) && other.workstation_id !== row.workstation_id);
        const conflict = holdHistoryConflict(db, 'ratings', sideOf(row), standing.map(sideOf), { source: context.source, bundleId: context.bundleId, version: context.versions.get(row.id) ?? 0, now: context.now });
        if (conflict) held.push(conflict);
      }
    }
  }
  return held;
}

/** Units whose ratings are read with one statement. */
const ratingChunk = 500;

/**
 * A person chose: `keep-local` sets the held row aside for good, `take-incoming` lets it count
 * and sets aside the rows it stood against. Runs inside the caller's transaction.
 */
export function resolveHistoryConflict(db: Database, conflict: ConflictRow, resolution: 'keep-local' | 'take-incoming', now: string): void {
  const incoming = holdOf(db, conflict.recordId);
  const unitId = String(conflict.incoming.unit_id);
  const cycle = Number(conflict.incoming.cycle);
  if (resolution === 'keep-local') {
    holdHistoryRow(db, { historyId: conflict.recordId, unitId, cycle, conflictId: conflict.id, state: 'set-aside' }, now);
  } else {
    if (incoming) releaseHistoryRow(db, conflict.recordId);
    const standing = JSON.parse(String(conflict.local?.history_ids ?? '[]')) as string[];
    for (const historyId of standing) holdHistoryRow(db, { historyId, unitId, cycle, conflictId: conflict.id, state: 'set-aside' }, now);
  }
  refreshUnitStars(db, unitId, now);
}
