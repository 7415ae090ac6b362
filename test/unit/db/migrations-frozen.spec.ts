// Migrations are frozen once released: a database made by version N must always be migrated the
// same way. Each migration file's hash is recorded (migration-hashes.json), and each migration's
// effect on the schema, applied to the one before it, is kept as a snapshot. A changed migration
// fails here: make a new migration instead. A new migration: add its hash and run with -u once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations/index';
import recordedHashes from './migration-hashes.json';

const folder = path.resolve('electron/main/db/migrations');
const fileOf = (version: number): string | undefined => fs.readdirSync(folder).find((name) => name.startsWith(`${String(version).padStart(4, '0')}-`));
const hashOf = (file: string): string => createHash('sha256').update(fs.readFileSync(path.join(folder, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex');

function schemaOf(db: BetterSqlite3.Database): Map<string, string> {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, (row.sql ?? '').replace(/\s+/g, ' ').trim()]));
}

/** What one migration did to the schema: the objects it added, changed and dropped. */
function schemaChange(before: Map<string, string>, after: Map<string, string>): { added: string[]; changed: string[]; dropped: string[] } {
  const added = [...after.keys()].filter((key) => !before.has(key));
  const changed = [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key));
  const dropped = [...before.keys()].filter((key) => !after.has(key));
  return { added: added.map((key) => `${key}: ${after.get(key)}`), changed: changed.map((key) => `${key}: ${after.get(key)}`), dropped };
}

describe('the migrations', () => {
  it('are numbered 1, 2, 3 … in their list, one file each, each with a recorded hash', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    for (const migration of migrations) {
      const file = fileOf(migration.version);
      expect(file, `no file for migration ${migration.version}`).toBeDefined();
      expect(Object.keys(recordedHashes), `migration ${file} has no recorded hash in test/unit/db/migration-hashes.json`).toContain(file);
    }
    expect(Object.keys(recordedHashes)).toHaveLength(migrations.length);
  });

  it.each(Object.entries(recordedHashes))('%s is unchanged since it was released', (file, recorded) => {
    expect(hashOf(file), `${file} changed after release: leave it as it was and add a new migration instead`).toBe(recorded);
  });
});

describe('each migration applied to the schema before it', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  it.each(migrations.map((migration) => [migration.version, migration] as const))('migration %i', (_version, migration) => {
    const before = schemaOf(db);
    db.transaction(() => migration.up(db))();
    const change = schemaChange(before, schemaOf(db));
    expect(change.added.length + change.changed.length + change.dropped.length, 'a migration changes the schema').toBeGreaterThan(0);
    expect(change).toMatchSnapshot();
  });
});
