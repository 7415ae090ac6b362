/**
 * Merges a verified bundle in one write transaction: each record by id, a unit registered on two
 * laptops (same USCC, or same district and name) linked rather than duplicated, a newer version
 * of a record nobody changed here applied, a record changed differently on two sides held as a
 * conflict. Foreign keys are checked at the end; anything wrong rolls the whole bundle back.
 */
import type { Database } from 'better-sqlite3';
import { mergeOrder } from '@shared/bundle/records';
import type { RecordTable } from '@shared/bundle/records';
import type { ImportReport } from '@shared/bundle/report';
import { prepared } from '../db/statements';
import { applyReceivedClosure, isClosureOf } from '../assessments/rectifications';
import { refreshUnitsStars } from '../assessments/star-history';
import { heldStatus, holdConflict } from './conflict-store';
import { contentHash, presentIds, readRow, rowOf } from './record-rows';
import type { Row, TrackedTable } from './record-rows';
import { holdRatingConflicts } from './rating-conflicts';
import { refuse } from './refusal';
import { insertRow, insertRows, rowsPerInsert, updateRow } from './apply-row';
import { addUnitAlias, keepAuditEntry, recordVersion, setRecordVersions, unitOfAlias, unitsOfAliases } from './replica-store';
import type { RecordVersion } from './replica-store';
import type { BundleLine, VerifiedBundle } from './verify-bundle';

export type MergeOutcome = Pick<ImportReport, 'added' | 'updated' | 'alreadyPresent' | 'linked' | 'conflicts'>;

/** A line whose row is new here, waiting to be inserted with others of its table. */
interface NewRow {
  table: TrackedTable;
  row: Row;
  line: BundleLine;
  lineNumber: number;
  hash: string;
  version: RecordVersion;
}

export interface MergeContext {
  db: Database;
  ownWorkstationId: string;
  now: string;
  progress?(done: number, total: number): void;
  throwIfCancelled?(): void;
}

class Merger {
  readonly outcome: MergeOutcome = { added: {}, updated: {}, alreadyPresent: {}, linked: [], conflicts: [] };
  readonly touchedUnits = new Set<string>();
  /** Star-history rows this bundle added, with their versions: each is checked for a second workstation's rating of its cycle. */
  readonly addedHistory = new Map<string, number>();
  readonly source: string;

  constructor(
    private readonly context: MergeContext,
    private readonly bundle: VerifiedBundle,
  ) {
    this.source = bundle.manifest.source.workstationId;
  }

  private count(kind: 'added' | 'updated' | 'alreadyPresent', table: string): void {
    this.outcome[kind][table] = (this.outcome[kind][table] ?? 0) + 1;
  }

  /** Incoming unit id → the unit here; asked for every row that names a unit, so each id is looked up once. */
  private readonly localUnits = new Map<string, string>();

  /** Looks up, in one statement, the unit here of each incoming unit id the bundle names. */
  preloadUnits(ids: Iterable<string>): void {
    const unknown = [...new Set(ids)].filter((id) => !this.localUnits.has(id));
    const aliased = unitsOfAliases(this.context.db, unknown);
    for (const id of unknown) this.localUnits.set(id, aliased.get(id) ?? id);
  }

  /** Of the table being merged, the rows here: looked up for all its lines at once, and kept up to date as lines are added. */
  private present = new Set<string>();

  startTable(table: TrackedTable, lines: readonly BundleLine[]): void {
    const ids = lines.map((line) => (table === 'units' ? this.localUnit(line.id) : line.id));
    this.present = presentIds(this.context.db, table, ids);
  }

  /** The id of the unit here that an incoming unit id stands for (itself, or the unit it was linked to). */
  localUnit(id: string): string {
    let unit = this.localUnits.get(id);
    if (unit === undefined) {
      unit = unitOfAlias(this.context.db, id) ?? id;
      this.localUnits.set(id, unit);
    }
    return unit;
  }

  private matchUnit(row: Row): { id: string; by: 'uscc' | 'district-name' } | undefined {
    const db = this.context.db;
    if (row.uscc !== null) {
      const byUscc = prepared(db, 'SELECT id FROM units WHERE uscc = ?').get(row.uscc) as { id: string } | undefined;
      if (byUscc) return { id: byUscc.id, by: 'uscc' };
    }
    const byName = prepared(db, 'SELECT id FROM units WHERE district_code = ? AND name = ?').get(row.district_code, row.name) as { id: string } | undefined;
    return byName ? { id: byName.id, by: 'district-name' } : undefined;
  }

  /**
   * Of the table being merged, the new rows not written yet and the record versions not set yet:
   * written together, a few statements instead of two per line. A line that is not new writes
   * those before it, so what the merge does (and reports) happens in line order.
   */
  private newRows: NewRow[] = [];
  private versions: [string, RecordVersion][] = [];
  private versionsTable: TrackedTable | null = null;

  private keepVersion(table: TrackedTable, id: string, version: RecordVersion): void {
    if (this.versionsTable !== table) this.flushVersions();
    this.versionsTable = table;
    this.versions.push([id, version]);
  }

  private flushVersions(): void {
    if (this.versionsTable !== null) setRecordVersions(this.context.db, this.versionsTable, this.versions);
    this.versions = [];
    this.versionsTable = null;
  }

  /** Of new units waiting, their USCCs and district-and-name keys: a unit line that shares one must see them written before it is matched. */
  private pendingUnitKeys = new Set<string>();

  private static unitKeys(row: Row): string[] {
    const byName = `name\u0000${row.district_code}\u0000${row.name}`;
    return row.uscc === null ? [byName] : [byName, `uscc\u0000${row.uscc}`];
  }

  private flushNewRows(): void {
    const rows = this.newRows;
    if (rows.length === 0) return;
    this.newRows = [];
    this.pendingUnitKeys.clear();
    if (insertRows(this.context.db, (rows[0] as NewRow).table, rows.map((entry) => entry.row))) {
      for (const entry of rows) this.added(entry);
      return;
    }
    // The database refused one of them: one by one, so the line at fault is named as on its own.
    for (const entry of rows) this.insertNew(entry);
  }

  /** Writes what the table's lines left waiting (at its end, before the next table). */
  endTable(): void {
    this.flushNewRows();
    this.flushVersions();
  }

  private insertNew(entry: NewRow): void {
    const { table, row, line, lineNumber, hash } = entry;
    try {
      this.insert(table, row);
    } catch (error) {
      this.present.delete(line.id);
      this.refuseBroken(error, table, lineNumber);
      this.conflict(table, line.id, null, row, line, hash, `无法加入 (cannot be added): ${(error as Error).message}`);
      return;
    }
    this.added(entry);
  }

  private added({ table, line, version }: { table: TrackedTable; line: BundleLine; version: RecordVersion }): void {
    if (table === 'units') this.touchedUnits.add(line.id);
    this.keepVersion(table, line.id, version);
    this.count('added', table);
    if (table === 'unit_star_history') this.addedHistory.set(line.id, line._version);
  }

  private insert(table: TrackedTable, row: Row): void {
    insertRow(this.context.db, table, row);
    this.present.add(row.id as string);
  }

  private update(table: TrackedTable, id: string, row: Row): void {
    updateRow(this.context.db, table, id, row, this.context.now);
    if (table === 'units') this.touchedUnits.add(id);
  }

  private conflict(table: TrackedTable, localId: string, local: Row | null, row: Row, line: BundleLine, hash: string, reason: string): void {
    // A person already chose between these two versions: the choice stands.
    if (heldStatus(this.context.db, table, localId, hash) === 'resolved') {
      this.count('alreadyPresent', table);
      return;
    }
    const id = holdConflict(this.context.db, { table, recordId: localId, source: this.source, bundleId: this.bundle.manifest.bundleId, incomingVersion: line._version, incomingSha256: hash, local, incoming: row, reason, createdAt: this.context.now });
    this.outcome.conflicts.push({ id, table, recordId: localId, reason });
  }

  /** A row the database's own rules refuse (a CHECK, NOT NULL) refuses the bundle; a clash with a row here is a conflict. */
  private refuseBroken(error: unknown, table: TrackedTable, lineNumber: number): void {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_MISMATCH') {
      refuse(`records/${table}.jsonl:${lineNumber}`, '记录不符合数据库的规则（如已签名的评定缺少评分结果）', `the record breaks a rule of the database: ${(error as Error).message}`);
    }
  }

  mergeLine(table: TrackedTable, line: BundleLine, lineNumber: number): void {
    const db = this.context.db;
    const row = rowOf(line);
    if ('unit_id' in row && typeof row.unit_id === 'string') row.unit_id = this.localUnit(row.unit_id);
    const hash = contentHash(table, row);
    const version = { source: this.source, version: line._version, sha256: hash };
    const localId = table === 'units' ? this.localUnit(line.id) : line.id;
    const local = this.present.has(localId) ? readRow(db, table, localId) : undefined;
    if (!local && table === 'units') {
      const keys = Merger.unitKeys(row);
      // A unit waiting to be written that this one would match: written first, so it is matched as in line order.
      if (keys.some((key) => this.pendingUnitKeys.has(key))) this.flushNewRows();
      const match = this.matchUnit(row);
      if (match) {
        addUnitAlias(db, line.id, match.id, this.source, this.context.now);
        this.localUnits.set(line.id, match.id);
        this.outcome.linked.push({ aliasId: line.id, unitId: match.id, name: row.name as string, by: match.by });
        this.keepVersion(table, line.id, version);
        return;
      }
      for (const key of keys) this.pendingUnitKeys.add(key);
    }
    if (!local) {
      this.newRows.push({ table, row, line, lineNumber, hash, version });
      this.present.add(line.id);
      if (this.newRows.length === rowsPerInsert) this.flushNewRows();
      return;
    }
    this.flushNewRows();
    const localHash = contentHash(table, local);
    const known = recordVersion(db, table, line.id);
    if (localHash === hash) {
      if (!known || known.source !== this.source || known.version < line._version) this.keepVersion(table, line.id, version);
      this.count('alreadyPresent', table);
      return;
    }
    const fromSameSource = known !== undefined && known.source === this.source;
    if (fromSameSource && line._version <= known.version) {
      this.count('alreadyPresent', table);
      return;
    }
    if (fromSameSource && known.sha256 === localHash) {
      try {
        this.update(table, localId, row);
      } catch (error) {
        this.refuseBroken(error, table, lineNumber);
        this.conflict(table, localId, local, row, line, hash, `不能覆盖 (must not be overwritten): ${(error as Error).message}`);
        return;
      }
      this.keepVersion(table, line.id, version);
      this.count('updated', table);
      return;
    }
    // An item opened on one laptop and closed on another: the closure reaches the item here.
    if (table === 'rectifications' && isClosureOf(local, row)) {
      applyReceivedClosure(db, localId, { closedOn: row.closed_on as string, followUpAssessmentId: row.follow_up_assessment_id as string | null, updatedAt: row.updated_at as string });
      this.keepVersion(table, line.id, { ...version, sha256: contentHash(table, readRow(db, table, localId) as Row) });
      this.count('updated', table);
      return;
    }
    this.conflict(table, localId, local, row, line, hash, fromSameSource ? '本机与来源工作站都改动过此记录 (changed here and at the source)' : '另一工作站的不同版本 (a different version from another workstation)');
  }

  mergeAudit(line: BundleLine): void {
    if (line.workstation_id === this.context.ownWorkstationId) {
      this.count('alreadyPresent', 'audit_log');
      return;
    }
    this.count(keepAuditEntry(this.context.db, rowOf(line)) ? 'added' : 'alreadyPresent', 'audit_log');
  }
}

/** Names the first record whose reference points nowhere (e.g. an assessment of a unit neither here nor in the bundle). */
function checkReferences(db: Database): void {
  const broken = db.prepare('PRAGMA foreign_key_check').get() as { table: string; rowid: number; parent: string } | undefined;
  if (!broken) return;
  const id = db.prepare(`SELECT id FROM ${broken.table} WHERE rowid = ?`).pluck().get(broken.rowid) as string | undefined;
  refuse(`records/${broken.table}.jsonl`, `记录 ${id} 引用的 ${broken.parent} 既不在本机也不在数据包中`, `record ${id} refers to a ${broken.parent} row that is neither here nor in the bundle`);
}

/** Every unit id the bundle's lines name: the units' own and those their other records refer to. */
function unitIdsNamed(bundle: VerifiedBundle): string[] {
  const ids: string[] = [];
  for (const [table, lines] of bundle.records) {
    for (const line of lines) {
      if (table === 'units') ids.push(line.id);
      else if (typeof line.unit_id === 'string') ids.push(line.unit_id);
    }
  }
  return ids;
}

/** Runs inside the caller's transaction. */
export function mergeBundle(context: MergeContext, bundle: VerifiedBundle): MergeOutcome {
  const db = context.db;
  db.pragma('defer_foreign_keys = ON');
  const merger = new Merger(context, bundle);
  const total = [...bundle.records.values()].reduce((sum, lines) => sum + lines.length, 0);
  let done = 0;
  merger.preloadUnits(unitIdsNamed(bundle));
  for (const table of mergeOrder) {
    const lines = bundle.records.get(table as RecordTable) ?? [];
    if (table !== 'audit_log') merger.startTable(table, lines);
    for (const [index, line] of lines.entries()) {
      if (table === 'audit_log') merger.mergeAudit(line);
      else {
        merger.mergeLine(table, line, index + 1);
        if (table === 'unit_star_history' || table === 'assessments') merger.touchedUnits.add(merger.localUnit(String(line.unit_id)));
      }
      done += 1;
      if (done % 500 === 0) {
        context.progress?.(done, total);
        context.throwIfCancelled?.();
      }
    }
    if (table !== 'audit_log') merger.endTable();
  }
  const ratings = holdRatingConflicts(db, merger.touchedUnits, new Set(merger.addedHistory.keys()), { source: merger.source, bundleId: bundle.manifest.bundleId, versions: merger.addedHistory, now: context.now });
  merger.outcome.conflicts.push(...ratings);
  refreshUnitsStars(db, merger.touchedUnits, context.now);
  checkReferences(db);
  context.progress?.(total, total);
  return merger.outcome;
}
