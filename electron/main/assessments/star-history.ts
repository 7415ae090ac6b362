/**
 * A unit's star history as the engine needs it (previousStars, lastVetoOn), and the recording of
 * a decision: a history row is appended and the unit's current stars are recomputed from the
 * history that is still in force.
 *
 * The history in force is the union of this workstation's rows and the city's picture (the rows a
 * city bundle brought, docs/registry.md), each row once: rows of superseded assessments no longer
 * count, nor rows held in a conflict or set aside by a person's choice (history_holds). At the
 * city office this is the official history; on a laptop, what it knows of it.
 *
 * previousStars is what the unit held *before this cycle*, so 逐级 (one star up per cycle)
 * cannot be dodged by assessing twice in a year: the latest row of an earlier cycle, else the
 * previous_stars recorded by the first row of this cycle.
 *
 * This module writes `unit_star_history` and, from it, `unit_stars_by_cycle` (migration 0017):
 * whenever a unit's history in force changes, refreshUnitStars brings the unit's current stars
 * and the stars it holds in each cycle up to date in the same transaction.
 */
import type { Database } from 'better-sqlite3';
import { newId } from '../platform/ids';
import { prepared } from '../db/statements';
import { setUnitStars } from '../units/unit-store';
import { byTime, lastVetoOnOrBefore, latestEntry, starsBeforeCycle } from './history-rules';
import type { HistoryContext, HistoryEntry } from './history-rules';
import { refreshStaleBases } from './stale-basis';
import { starValidCycles } from '@shared/domain/cycle';
import type { UnitContext } from '@shared/rubric/unit-kind';

export { lastVetoOnOrBefore, latestEntry, starsBeforeCycle };
export type { HistoryContext, HistoryEntry };

// The union's two halves: this workstation's rows (not superseded by a signed correction) and
// the city's rows it does not hold itself; neither held nor set aside. For a list of units at
// once (a JSON array): the list drives each half (CROSS JOIN keeps it outermost), so each unit's
// rows come by its index in the order one unit's own query gives them.
const inForceSql = `
  SELECT u.value AS unitId, h.id, h.assessment_id AS assessmentId, h.cycle, h.stars, h.previous_stars AS previousStars,
         h.assessed_on AS assessedOn, h.vetoed, h.source, h.created_at AS createdAt
    FROM json_each(@units) u CROSS JOIN unit_star_history h ON h.unit_id = u.value
   WHERE NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))
     AND NOT EXISTS (SELECT 1 FROM history_holds x WHERE x.history_id = h.id)
  UNION ALL
  SELECT u.value, c.id, c.assessment_id, c.cycle, c.stars, c.previous_stars, c.assessed_on, c.vetoed, c.source, c.created_at
    FROM json_each(@units) u CROSS JOIN city_star_history c ON c.unit_id = u.value
   WHERE NOT EXISTS (SELECT 1 FROM unit_star_history h WHERE h.id = c.id)
     AND NOT EXISTS (SELECT 1 FROM history_holds x WHERE x.history_id = c.id)`;

type InForceRow = Omit<HistoryEntry, 'vetoed'> & { unitId: string; vetoed: number };

/** The history in force of each of `unitIds` (distinct), read with one statement; a unit without any has an empty list. */
function historiesInForce(db: Database, unitIds: readonly string[]): Map<string, HistoryEntry[]> {
  const histories = new Map<string, HistoryEntry[]>(unitIds.map((id) => [id, []]));
  // Cached: a bundle import refreshes the stars of thousands of units, and compiling this anew each time cost more than running it.
  const rows = prepared(db, inForceSql).all({ units: JSON.stringify(unitIds) }) as InForceRow[];
  for (const { unitId, vetoed, ...entry } of rows) histories.get(unitId)?.push({ ...entry, vetoed: vetoed === 1 });
  return histories;
}

/** History rows in force (see the file's comment): this workstation's and the city's, once each. */
export function historyInForce(db: Database, unitId: string, excludeAssessmentId?: string | null): HistoryEntry[] {
  const history = historiesInForce(db, [unitId]).get(unitId) ?? [];
  return excludeAssessmentId == null ? history : history.filter((entry) => entry.assessmentId !== excludeAssessmentId);
}

/**
 * What the engine is told about the unit's past. `supersedesId`: the assessment a correction
 * replaces, whose veto must not lock out its own correction.
 */
export function historyContext(db: Database, unitId: string, cycle: number, assessedOn: string, supersedesId?: string | null): HistoryContext {
  const all = historyInForce(db, unitId);
  const withoutReplaced = all.filter((entry) => supersedesId == null || entry.assessmentId !== supersedesId);
  return {
    hasHistory: all.length > 0,
    previousStars: starsBeforeCycle(all, cycle),
    lastVetoOn: lastVetoOnOrBefore(withoutReplaced, assessedOn),
  };
}

export interface Decision {
  unitId: string;
  assessmentId: string;
  cycle: number;
  assessedOn: string;
  stars: number;
  previousStars: number;
  vetoed: boolean;
  decidedBy: string;
}

/** Appends the decision to the unit's history and brings the unit's current stars up to date. */
export function recordDecision(db: Database, decision: Decision, now: string): void {
  prepared(db, 
    `INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, assessment_id, vetoed, decided_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), decision.unitId, decision.cycle, decision.stars, decision.previousStars, decision.assessedOn, decision.assessmentId, decision.vetoed ? 1 : 0, decision.decidedBy, now);
  refreshUnitStars(db, decision.unitId, now);
}

/**
 * A row entered from the records kept before the app (units import's 当前星级 / 星级年度 /
 * 最近否决日期): marked `paper`, with who entered it; no assessment behind it.
 */
export interface PaperRow {
  unitId: string;
  cycle: number;
  stars: number;
  previousStars: number;
  assessedOn: string;
  vetoed: boolean;
  enteredBy: string;
}

/** Appends paper-era rows (the caller holds the transaction and checked them against the history). */
export function recordPaperRows(db: Database, rows: readonly PaperRow[], now: string): void {
  const insert = prepared(
    db,
    `INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, assessment_id, vetoed, decided_by, source, entered_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, 'paper', ?, ?)`,
  );
  for (const row of rows) insert.run(newId(), row.unitId, row.cycle, row.stars, row.previousStars, row.assessedOn, row.vetoed ? 1 : 0, row.enteredBy, now);
}

/** Stars rated on paper before the workstation (the demo's): a paper row, then the unit's stars follow. */
export function recordPaperRating(db: Database, rating: { unitId: string; cycle: number; stars: number; previousStars: number; assessedOn: string }, now: string): void {
  recordPaperRows(db, [{ ...rating, vetoed: false, enteredBy: 'demo' }], now);
  refreshUnitStars(db, rating.unitId, now);
}

/** The stars a unit holds in one cycle, and the cycle of the decision that awarded them. */
export interface HeldStars {
  cycle: number;
  stars: number;
  awardedCycle: number;
}

/**
 * Pure: the stars the unit holds in each cycle where it holds any: those of its latest decision
 * of that cycle, else of the nearest earlier cycle still valid (docs/ding.md, coverage). Oldest first.
 */
export function starsHeldByCycle(history: readonly HistoryEntry[]): HeldStars[] {
  const latestOfCycle = new Map<number, HistoryEntry>();
  for (const entry of [...history].sort(byTime)) latestOfCycle.set(entry.cycle, entry);
  const cycles = new Set<number>();
  for (const cycle of latestOfCycle.keys()) for (let after = 0; after <= starValidCycles; after += 1) cycles.add(cycle + after);
  return [...cycles]
    .sort((a, b) => a - b)
    .map((cycle) => {
      let held: HistoryEntry | undefined;
      for (let back = 0; held === undefined && back <= starValidCycles; back += 1) held = latestOfCycle.get(cycle - back);
      const entry = held as HistoryEntry;
      return { cycle, stars: entry.stars, awardedCycle: entry.cycle };
    });
}

/** A unit's stars in one cycle, to be inserted: [unit id, cycle, stars, awarded cycle]. */
type NewStarsRow = [string, number, number, number];

/**
 * Rewrites the unit's rows of unit_stars_by_cycle (`stored`, as read) where they differ from what
 * its history says; the rows it lacks are added to `inserts`, written by insertStarsByCycle.
 */
function writeStarsByCycle(db: Database, unitId: string, held: readonly HeldStars[], stored: readonly HeldStars[], inserts: NewStarsRow[]): void {
  const wanted = new Map(held.map((entry) => [entry.cycle, entry]));
  for (const row of stored) {
    const want = wanted.get(row.cycle);
    if (want === undefined) prepared(db, 'DELETE FROM unit_stars_by_cycle WHERE unit_id = ? AND cycle = ?').run(unitId, row.cycle);
    else if (want.stars !== row.stars || want.awardedCycle !== row.awardedCycle) {
      prepared(db, 'UPDATE unit_stars_by_cycle SET stars = ?, awarded_cycle = ? WHERE unit_id = ? AND cycle = ?').run(want.stars, want.awardedCycle, unitId, row.cycle);
    }
    wanted.delete(row.cycle);
  }
  for (const entry of wanted.values()) inserts.push([unitId, entry.cycle, entry.stars, entry.awardedCycle]);
}

/**
 * Adds the rows in one statement: its triggers keep the starred counts, and each statement that
 * fires them keeps a statement journal; one per row cost ten times the insert itself.
 */
function insertStarsByCycle(db: Database, inserts: readonly NewStarsRow[]): void {
  if (inserts.length === 0) return;
  prepared(
    db,
    `INSERT INTO unit_stars_by_cycle (unit_id, cycle, stars, awarded_cycle, district_code, kind, in_scope)
     SELECT u.id, j.value ->> 1, j.value ->> 2, j.value ->> 3, u.district_code, u.kind, u.in_scope
       FROM json_each(?) j CROSS JOIN units u ON u.id = j.value ->> 0`,
  ).run(JSON.stringify(inserts));
}

/** What a refresh reads of a unit's row: its stars as stored, and what scoring a re-check needs. */
interface UnitStarsRow {
  id: string;
  current_stars: number;
  last_assessed_on: string | null;
  last_veto_on: string | null;
  kind: string;
  industry: string | null;
  households: number | null;
}

function unitRows(db: Database, unitIds: readonly string[]): Map<string, UnitStarsRow> {
  const rows = prepared(
    db,
    `SELECT u.id, u.current_stars, u.last_assessed_on, u.last_veto_on, u.kind, u.industry, u.households
       FROM json_each(?) j CROSS JOIN units u ON u.id = j.value`,
  ).all(JSON.stringify(unitIds)) as UnitStarsRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

function storedStarsByCycle(db: Database, unitIds: readonly string[]): Map<string, HeldStars[]> {
  const stored = new Map<string, HeldStars[]>();
  const rows = prepared(
    db,
    `SELECT s.unit_id AS unitId, s.cycle, s.stars, s.awarded_cycle AS awardedCycle
       FROM json_each(?) j CROSS JOIN unit_stars_by_cycle s ON s.unit_id = j.value`,
  ).all(JSON.stringify(unitIds)) as (HeldStars & { unitId: string })[];
  for (const { unitId, ...row } of rows) {
    const list = stored.get(unitId);
    if (list === undefined) stored.set(unitId, [row]);
    else list.push(row);
  }
  return stored;
}

/** Units refreshed with one set of reads: enough to spread the statements' cost, few enough to keep their rows small in memory. */
const refreshChunk = 500;

/**
 * Brings each unit's current stars (and last assessed / last veto) up to its history in force,
 * re-checks the basis of its signed assessments against it (stale-basis.ts), and rewrites the
 * stars it holds in each cycle. The rows are read for many units at once (a bundle import
 * refreshes thousands); each unit's writes touch only its own rows, so the order among them does
 * not matter. Runs inside the caller's transaction.
 */
export function refreshUnitsStars(db: Database, unitIds: Iterable<string>, now: string): void {
  const all = [...new Set(unitIds)];
  for (let start = 0; start < all.length; start += refreshChunk) {
    const ids = all.slice(start, start + refreshChunk);
    const histories = historiesInForce(db, ids);
    const units = unitRows(db, ids);
    const stored = storedStarsByCycle(db, ids);
    const inserts: NewStarsRow[] = [];
    for (const unitId of ids) {
      const history = histories.get(unitId) ?? [];
      const latest = latestEntry(history);
      const lastVeto = history.filter((entry) => entry.vetoed).map((entry) => entry.assessedOn).sort().at(-1) ?? null;
      // A paper row's date only places it in its cycle; it is not the day anyone assessed the unit.
      const lastAssessed = history.filter((entry) => entry.source === 'assessment').map((entry) => entry.assessedOn).sort().at(-1) ?? null;
      const stars = { current: latest?.stars ?? 0, lastAssessedOn: lastAssessed, lastVetoOn: lastVeto };
      const unit = units.get(unitId);
      // A row that holds them already is not written (setUnitStars would leave it alone too, at the cost of a statement).
      if (unit !== undefined && (unit.current_stars !== stars.current || unit.last_assessed_on !== stars.lastAssessedOn || unit.last_veto_on !== stars.lastVetoOn)) {
        setUnitStars(db, unitId, stars, now);
      }
      writeStarsByCycle(db, unitId, starsHeldByCycle(history), stored.get(unitId) ?? [], inserts);
    }
    insertStarsByCycle(db, inserts);
    const contexts = new Map([...units.values()].map((unit) => [unit.id, { kind: unit.kind as UnitContext['kind'], industry: unit.industry, households: unit.households }]));
    refreshStaleBases(db, histories, contexts, now);
  }
}

/** refreshUnitsStars for one unit. */
export function refreshUnitStars(db: Database, unitId: string, now: string): void {
  refreshUnitsStars(db, [unitId], now);
}
