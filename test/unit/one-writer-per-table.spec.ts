// Each table's rows are written by one module (a rule about what a row may hold has one home),
// and every write transaction takes the write lock up front (BEGIN IMMEDIATE), so a busy
// database makes a writer wait its turn instead of failing at once.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { trackedTables } from '../../electron/main/bundles/record-rows';
import { migrations } from '../../electron/main/db/migrations/index';

const owners: Record<string, string> = {
  units: 'electron/main/units/unit-store.ts',
  unit_stars_by_cycle: 'electron/main/assessments/star-history.ts',
  streets: 'electron/main/units/unit-store.ts',
  assessments: 'electron/main/assessments/workflow.ts',
  certificates: 'electron/main/certificates/issue.ts',
  certificate_revocations: 'electron/main/certificates/revoke.ts',
  certificate_authorities: 'electron/main/certificates/authority.ts',
  workstation_keys: 'electron/main/crypto/identity.ts',
  workstation_key_wraps: 'electron/main/crypto/identity.ts',
  trusted_workstations: 'electron/main/trust/trust-store.ts',
  change_log_pause: 'electron/main/bundles/change-log.ts',
  bundle_exports: 'electron/main/bundles/bundle-history.ts',
  bundle_imports: 'electron/main/bundles/bundle-history.ts',
  bundle_conflicts: 'electron/main/bundles/conflict-store.ts',
  record_versions: 'electron/main/bundles/replica-store.ts',
  unit_aliases: 'electron/main/bundles/replica-store.ts',
  bundle_audit_entries: 'electron/main/bundles/replica-store.ts',
  workstation_districts: 'electron/main/trust/trust-store.ts',
  city_star_history: 'electron/main/bundles/city-picture.ts',
  city_certificates: 'electron/main/bundles/city-picture.ts',
  history_holds: 'electron/main/assessments/history-holds.ts',
  stale_bases: 'electron/main/assessments/stale-basis.ts',
  inspection_plan: 'electron/main/plan/plan-store.ts',
  trust_warnings: 'electron/main/bundles/trust-warnings.ts',
  audit_log: 'electron/main/audit/audit-log.ts',
  audit_checkpoints: 'electron/main/audit/checkpoints.ts',
  bundle_receipts: 'electron/main/bundles/receipt-store.ts',
  revocation_notices: 'electron/main/certificates/revocation-notices.ts',
  district_inputs: 'electron/main/ding/inputs-store.ts',
  districts: 'electron/main/units/seed-districts.ts',
  evidence: 'electron/main/assessments/evidence.ts',
  rectifications: 'electron/main/assessments/rectifications.ts',
  unit_star_history: 'electron/main/assessments/star-history.ts',
  meta: 'electron/main/workstation/workstation.ts',
  rubric_packs: 'electron/main/rubric/pack-store.ts',
  users: 'electron/main/users/user-store.ts',
};

/** Tables only the schema's triggers write: they follow the writes of the tables above. */
const writtenByTriggers = ['change_log', 'unit_scope_counts', 'unit_starred_counts'];

/**
 * Rows received in bundles from other workstations go in through one generic writer (by table name,
 * so no SQL above names them) beside each table's own store: every record table but units.
 */
const replicaWriter = 'electron/main/bundles/replica-store.ts';
const replicaCaller = 'electron/main/bundles/apply-row.ts';

function schemaTables(): string[] {
  const db = new BetterSqlite3(':memory:');
  for (const migration of migrations) migration.up(db);
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  db.close();
  return tables;
}

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)));
}

describe('one module writes each table', () => {
  it('names the writer of every table in the schema, and no table that is not there', () => {
    const tables = schemaTables();
    expect([...Object.keys(owners), ...writtenByTriggers].sort()).toEqual(tables);
  });

  it.each(writtenByTriggers)('leaves %s to the triggers', (table) => {
    const writes = new RegExp(`\\b(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+${table}\\b`, 'i');
    expect(sources('electron/main').filter((file) => !file.includes(`${path.sep}migrations${path.sep}`) && writes.test(fs.readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('writes received rows through the replica writer only from the one place that applies a bundle row, for the record tables', () => {
    const callers = sources('electron/main').filter((file) => file !== replicaWriter && /\b(insertReplica|updateReplica)\(/.test(fs.readFileSync(file, 'utf8')));
    expect(callers).toEqual([replicaCaller]);
    for (const table of trackedTables.filter((name) => name !== 'units')) expect(owners[table], `${table} has a store of its own`).toBeDefined();
  });

  it.each(Object.entries(owners))('only %s’s store writes it', (table, owner) => {
    const writes = new RegExp(`\\b(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+${table}\\b`, 'i');
    const writers = sources('electron/main').filter((file) => !file.includes(`${path.sep}migrations${path.sep}`) && writes.test(fs.readFileSync(file, 'utf8')));
    expect(writers).toEqual([owner]);
  });
});

describe('write transactions', () => {
  // A read that must see one snapshot (the audit log verified while another process appends) says
  // so with .deferred(): it takes no write lock, so it never makes a writer wait.
  it('are all BEGIN IMMEDIATE: each file runs as many .immediate() (or, for a read snapshot, .deferred()) as it defines .transaction()s', () => {
    const deferred = sources('electron/main')
      .map((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return { file, transactions: text.split('.transaction(').length - 1, declared: text.split('.immediate(').length - 1 + text.split('.deferred(').length - 1 };
      })
      .filter((counts) => counts.transactions > counts.declared)
      .map((counts) => counts.file);
    expect(deferred).toEqual([]);
  });
});
