/**
 * A laptop's import of the registry of record a city bundle carries (docs/registry.md), for the
 * districts its own roster entry says it serves; rows of other districts are skipped and counted.
 * Its code (inside its plaque numbers) comes with that entry.
 *
 * - Units are linked to the laptop's own (id, else USCC, else district and name), added when
 *   missing, and brought up to the city's facts unless the laptop changed them since its last
 *   export (its unsent work is never overwritten).
 * - The official history goes to the city's picture (city-picture.ts), apart from the laptop's own
 *   rows; the engine reads the union. Where the laptop's own history of a cycle disagrees with the
 *   city's, the city's row is held as a conflict for a person (rating-conflicts.ts).
 * - 整改 items are kept so they show and can be closed here; a closure made elsewhere reaches an
 *   item still open here; an item changed here and not yet sent keeps the laptop's version.
 * - Current certificates go to the city's picture; the plan is kept like 整改 items.
 *
 * `verifyRegistry` checks before anything is written; `applyRegistry` writes inside the import's
 * transaction (the change log paused: none of this is the laptop's own work).
 */
import type { Database } from 'better-sqlite3';
import { keepRecordedRectification, applyReceivedClosure, isClosureOf } from '../assessments/rectifications';
import { prepared } from '../db/statements';
import { refreshUnitsStars } from '../assessments/star-history';
import { findPlanEntry, insertPlanEntry, planEntryOf, updatePlanEntry } from '../plan/plan-store';
import { ensureStreet, insertUnit, updateUnitFacts } from '../units/unit-store';
import { setWorkstationCode, workstationCodeOf } from '../workstation/workstation';
import { isUnsent } from './change-log';
import { replaceCityCertificates, replaceCityHistory } from './city-picture';
import type { CityHistoryRow } from './city-picture';
import { holdHistoryConflict } from './rating-conflicts';
import type { HeldConflict, RatingSide } from './rating-conflicts';
import { refuse } from './refusal';
import { addUnitAlias, unitOfAlias } from './replica-store';
import { setServedDistricts } from '../trust/trust-store';
import type { BundleLine, VerifiedBundle } from './verify-bundle';

export interface RegistryParts {
  /** This laptop's entry in the city's roster: its code and districts (null: not in the roster, so no registry). */
  own: { code: string | null; districts: string[] | null } | null;
  units: BundleLine[];
  history: BundleLine[];
  rectifications: BundleLine[];
  certificates: BundleLine[];
  plan: BundleLine[];
}

function lines(bundle: VerifiedBundle, table: 'registry_units' | 'registry_history' | 'registry_rectifications' | 'registry_certificates' | 'plan' | 'trust_roster'): BundleLine[] {
  return bundle.records.get(table) ?? [];
}

/** Everything checked, nothing written: every row names a unit the bundle carries, and this laptop's code has not changed. */
export function verifyRegistry(db: Database, bundle: VerifiedBundle, ownWorkstationId: string): RegistryParts {
  const rosterIndex = lines(bundle, 'trust_roster').findIndex((line) => line.id === ownWorkstationId);
  const ownLine = rosterIndex >= 0 ? lines(bundle, 'trust_roster')[rosterIndex] : undefined;
  const code = (ownLine?.code as string | null | undefined) ?? null;
  const stored = workstationCodeOf(db);
  if (code !== null && stored !== null && code !== stored) {
    refuse(`records/trust_roster.jsonl:${rosterIndex + 1}`, `市指挥部名册中本工作站的代码为 ${code}，而本机已使用代码 ${stored}：证书编号依赖此代码，未作更改。请与市指挥部核对`, `the city office’s roster gives this workstation the code ${code}, but it already uses ${stored}: plaque numbers depend on it, so nothing was changed. Check with the city office`);
  }
  const units = lines(bundle, 'registry_units');
  const unitIds = new Set(units.map((line) => line.id));
  for (const table of ['registry_history', 'registry_rectifications', 'registry_certificates', 'plan'] as const) {
    lines(bundle, table).forEach((line, index) => {
      if (!unitIds.has(String(line.unit_id))) refuse(`records/${table}.jsonl:${index + 1}`, `记录 ${line.id} 所属单位 ${String(line.unit_id)} 不在 registry_units 中`, `record ${line.id} belongs to unit ${String(line.unit_id)}, which registry_units does not hold`);
    });
  }
  return {
    own: ownLine ? { code, districts: (ownLine.districts as string[] | undefined) ?? null } : null,
    units,
    history: lines(bundle, 'registry_history'),
    rectifications: lines(bundle, 'registry_rectifications'),
    certificates: lines(bundle, 'registry_certificates'),
    plan: lines(bundle, 'plan'),
  };
}

export interface RegistryOutcome {
  added: Record<string, number>;
  updated: Record<string, number>;
  alreadyPresent: Record<string, number>;
  skipped: Record<string, number>;
  linked: { aliasId: string; unitId: string; name: string; by: 'uscc' | 'district-name' }[];
  conflicts: HeldConflict[];
}

interface Context {
  ownWorkstationId: string;
  cityWorkstationId: string;
  bundleId: string;
  now: string;
}

class RegistryImport {
  readonly outcome: RegistryOutcome = { added: {}, updated: {}, alreadyPresent: {}, skipped: {}, linked: [], conflicts: [] };
  /** City unit id → the unit here, for units of the districts served. */
  readonly units = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly context: Context,
  ) {}

  count(kind: 'added' | 'updated' | 'alreadyPresent' | 'skipped', table: string, by = 1): void {
    if (by > 0) this.outcome[kind][table] = (this.outcome[kind][table] ?? 0) + by;
  }

  private matchUnit(line: BundleLine): { id: string; by: 'id' | 'uscc' | 'district-name' } | undefined {
    const db = this.db;
    if (prepared(db, 'SELECT 1 FROM units WHERE id = ?').get(line.id)) return { id: line.id, by: 'id' };
    const alias = unitOfAlias(db, line.id);
    if (alias !== undefined) return { id: alias, by: 'id' };
    if (line.uscc !== null) {
      const byUscc = prepared(db, 'SELECT id FROM units WHERE uscc = ?').get(line.uscc) as { id: string } | undefined;
      if (byUscc) return { id: byUscc.id, by: 'uscc' };
    }
    const byName = prepared(db, 'SELECT id FROM units WHERE district_code = ? AND name = ?').get(line.district_code, line.name) as { id: string } | undefined;
    return byName ? { id: byName.id, by: 'district-name' } : undefined;
  }

  private facts(line: BundleLine) {
    const street = line.street as string | null;
    return {
      name: line.name as string,
      kind: line.kind as string,
      industry: line.industry as string | null,
      districtCode: line.district_code as string,
      streetId: street === null ? null : ensureStreet(this.db, line.district_code as string, street).id,
      address: line.address as string | null,
      uscc: line.uscc as string | null,
      households: line.households as number | null,
      contact: line.contact as string | null,
      phone: line.phone as string | null,
      inScope: line.in_scope === 1,
    };
  }

  private sameFacts(localId: string, line: BundleLine): boolean {
    const here = prepared(this.db, `SELECT u.name, u.kind, u.industry, u.district_code, s.name AS street, u.address, u.uscc, u.households, u.contact, u.phone, u.in_scope FROM units u LEFT JOIN streets s ON s.id = u.street_id WHERE u.id = ?`).get(localId) as Record<string, unknown>;
    return ['name', 'kind', 'industry', 'district_code', 'street', 'address', 'uscc', 'households', 'contact', 'phone', 'in_scope'].every((column) => (here[column] ?? null) === (line[column] ?? null));
  }

  unit(line: BundleLine): void {
    const match = this.matchUnit(line);
    if (!match) {
      insertUnit(this.db, { id: line.id, workstationId: line.workstation_id as string, createdAt: line.created_at as string, ...this.facts(line) });
      this.units.set(line.id, line.id);
      this.count('added', 'registry_units');
      return;
    }
    this.units.set(line.id, match.id);
    if (match.by !== 'id') {
      addUnitAlias(this.db, line.id, match.id, this.context.cityWorkstationId, this.context.now);
      this.outcome.linked.push({ aliasId: line.id, unitId: match.id, name: line.name as string, by: match.by });
    }
    // The city's copy of the facts wins, except over what this laptop changed and has not sent.
    if (this.sameFacts(match.id, line) || isUnsent(this.db, 'units', match.id)) {
      this.count('alreadyPresent', 'registry_units');
      return;
    }
    // A USCC or name held here by another unit would make two units one; keep this laptop's facts.
    try {
      updateUnitFacts(this.db, match.id, this.facts(line), this.context.now);
      this.count('updated', 'registry_units');
    } catch {
      this.count('alreadyPresent', 'registry_units');
    }
  }

  history(unitId: string, rows: readonly BundleLine[]): void {
    const own = new Set(prepared(this.db, 'SELECT id FROM unit_star_history WHERE unit_id = ?').all(unitId).map((row) => (row as { id: string }).id));
    const city: CityHistoryRow[] = rows
      .filter((line) => !own.has(line.id))
      .map((line) => ({
        id: line.id, unitId, cycle: line.cycle as number, stars: line.stars as number, previousStars: line.previous_stars as number, assessedOn: line.assessed_on as string,
        vetoed: line.vetoed === 1, decidedBy: line.decided_by as string | null, source: line.source as 'assessment' | 'paper', workstationId: line.workstation_id as string | null,
        assessmentId: line.assessment_id as string | null, enteredBy: line.entered_by as string | null, createdAt: line.created_at as string,
      }));
    this.count('alreadyPresent', 'registry_history', rows.length - city.length);
    const counts = replaceCityHistory(this.db, unitId, city, this.context.cityWorkstationId, this.context.now);
    this.count('added', 'registry_history', counts.added);
    this.count('alreadyPresent', 'registry_history', counts.alreadyPresent);
    this.holdDisagreements(unitId, city);
  }

  /** Where this laptop's own history of a cycle and the city's disagree on the stars, the city's rows of that cycle are held. */
  private holdDisagreements(unitId: string, city: readonly CityHistoryRow[]): void {
    if (city.length === 0) return;
    const own = prepared(
      this.db,
      `SELECT h.id, h.cycle, h.stars, h.vetoed, h.assessed_on, h.assessment_id, h.source, h.created_at, a.workstation_id
         FROM unit_star_history h LEFT JOIN assessments a ON a.id = h.assessment_id
        WHERE h.unit_id = ?
          AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))
          AND NOT EXISTS (SELECT 1 FROM history_holds x WHERE x.history_id = h.id)
        ORDER BY h.assessed_on, h.created_at`,
    ).all(unitId) as { id: string; cycle: number; stars: number; vetoed: number; assessed_on: string; assessment_id: string | null; source: 'assessment' | 'paper'; workstation_id: string | null }[];
    if (own.length === 0) return;
    for (const cycle of new Set(city.map((row) => row.cycle))) {
      const ownRows = own.filter((row) => row.cycle === cycle);
      const latestOwn = ownRows.at(-1);
      if (!latestOwn) continue;
      const standing: RatingSide[] = ownRows.map((row) => ({ historyId: row.id, unitId, cycle, stars: row.stars, vetoed: row.vetoed === 1, assessedOn: row.assessed_on, assessmentId: row.assessment_id, workstationId: row.workstation_id ?? this.context.ownWorkstationId, source: row.source }));
      for (const row of city.filter((candidate) => candidate.cycle === cycle)) {
        // Agreeing stars are no disagreement (a veto there and a lockout here both leave none).
        if (row.stars === latestOwn.stars) continue;
        const side: RatingSide = { historyId: row.id, unitId, cycle, stars: row.stars, vetoed: row.vetoed, assessedOn: row.assessedOn, assessmentId: row.assessmentId, workstationId: row.workstationId, source: row.source };
        const conflict = holdHistoryConflict(this.db, 'city_history', side, standing, { source: this.context.cityWorkstationId, bundleId: this.context.bundleId, version: 0, now: this.context.now });
        if (conflict) this.outcome.conflicts.push(conflict);
      }
    }
  }

  rectification(line: BundleLine): void {
    const unitId = this.units.get(String(line.unit_id)) as string;
    const local = prepared(this.db, 'SELECT id, unit_id, description, due_on, status FROM rectifications WHERE id = ?').get(line.id) as Record<string, unknown> | undefined;
    if (!local) {
      keepRecordedRectification(this.db, {
        id: line.id, workstationId: line.workstation_id as string, unitId, assessmentId: line.assessment_id as string | null, itemId: line.item_id as string | null,
        description: line.description as string, owner: line.owner as string | null, dueOn: line.due_on as string, status: line.status as 'open' | 'done',
        closedOn: line.closed_on as string | null, followUpAssessmentId: line.follow_up_assessment_id as string | null, createdAt: line.created_at as string, updatedAt: line.updated_at as string,
      });
      this.count('added', 'registry_rectifications');
      return;
    }
    if (!isUnsent(this.db, 'rectifications', line.id) && isClosureOf(local, { ...line, unit_id: unitId })) {
      applyReceivedClosure(this.db, line.id, { closedOn: line.closed_on as string, followUpAssessmentId: line.follow_up_assessment_id as string | null, updatedAt: line.updated_at as string });
      this.count('updated', 'registry_rectifications');
      return;
    }
    this.count('alreadyPresent', 'registry_rectifications');
  }

  certificates(unitId: string, rows: readonly BundleLine[]): void {
    const own = new Set(prepared(this.db, 'SELECT id FROM certificates WHERE unit_id = ?').all(unitId).map((row) => (row as { id: string }).id));
    const city = rows
      .filter((line) => !own.has(line.id))
      .map((line) => ({
        id: line.id, number: line.number as string, workstationId: line.workstation_id as string, unitId, assessmentId: line.assessment_id as string | null, cycle: line.cycle as number,
        stars: line.stars as number, issuedOn: line.issued_on as string, validUntil: line.valid_until as string,
      }));
    this.count('alreadyPresent', 'registry_certificates', rows.length - city.length);
    const counts = replaceCityCertificates(this.db, unitId, city, this.context.cityWorkstationId, this.context.now);
    this.count('added', 'registry_certificates', counts.added);
    this.count('alreadyPresent', 'registry_certificates', counts.alreadyPresent);
  }

  planEntry(line: BundleLine): void {
    const unitId = this.units.get(String(line.unit_id)) as string;
    const entry = { assigneeId: line.assignee_id as string, dueOn: line.due_on as string, plannedBy: line.planned_by as string, updatedAt: line.updated_at as string };
    const local = findPlanEntry(this.db, line.id) ?? planEntryOf(this.db, line.cycle as number, unitId);
    if (!local) {
      insertPlanEntry(this.db, { id: line.id, workstationId: line.workstation_id as string, cycle: line.cycle as number, unitId, createdAt: line.created_at as string, ...entry });
      this.count('added', 'plan');
      return;
    }
    const same = local.assigneeId === entry.assigneeId && local.dueOn === entry.dueOn;
    if (same || isUnsent(this.db, 'inspection_plan', local.id)) {
      this.count('alreadyPresent', 'plan');
      return;
    }
    updatePlanEntry(this.db, local.id, entry);
    this.count('updated', 'plan');
  }
}

/** Writes the verified registry of this laptop's districts; call inside the import's transaction. */
export function applyRegistry(db: Database, parts: RegistryParts, context: Context): RegistryOutcome {
  const run = new RegistryImport(db, context);
  if (parts.own?.code) setWorkstationCode(db, parts.own.code);
  if (parts.own?.districts) setServedDistricts(db, context.ownWorkstationId, parts.own.districts);
  const served = new Set(parts.own?.districts ?? []);
  const cityUnits = new Set<string>();
  for (const line of parts.units) {
    if (!served.has(line.district_code as string)) {
      run.count('skipped', 'registry_units');
      continue;
    }
    cityUnits.add(line.id);
    run.unit(line);
  }
  const byUnit = (rows: readonly BundleLine[], table: string): Map<string, BundleLine[]> => {
    const grouped = new Map<string, BundleLine[]>();
    for (const line of rows) {
      const unit = String(line.unit_id);
      if (!cityUnits.has(unit)) {
        run.count('skipped', table);
        continue;
      }
      const list = grouped.get(unit) ?? [];
      list.push(line);
      grouped.set(unit, list);
    }
    return grouped;
  };
  const history = byUnit(parts.history, 'registry_history');
  const certificates = byUnit(parts.certificates, 'registry_certificates');
  for (const cityUnit of cityUnits) {
    const unitId = run.units.get(cityUnit) as string;
    run.history(unitId, history.get(cityUnit) ?? []);
    run.certificates(unitId, certificates.get(cityUnit) ?? []);
  }
  for (const lines of byUnit(parts.rectifications, 'registry_rectifications').values()) for (const line of lines) run.rectification(line);
  for (const lines of byUnit(parts.plan, 'plan').values()) for (const line of lines) run.planEntry(line);
  refreshUnitsStars(db, run.units.values(), context.now);
  return run.outcome;
}
