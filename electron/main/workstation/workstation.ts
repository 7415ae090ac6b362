/** This workstation's identity as stored in the database: made once, on first open. */
import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { newId } from '../ids';

export interface Workstation {
  id: string;
  name: string;
}

function readMeta(db: Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** The audit entry of the restore that made this database what it is (`dingxing audit verify` checks it is there). */
export function lastRestoreEntry(db: Database): string | null {
  return readMeta(db, 'last_restore_entry') ?? null;
}

/** Marks this database as put in place by a restore, inside the transaction that appended its audit entry. */
export function markRestored(db: Database, entryId: string): void {
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_restore_entry', ?)").run(entryId);
}

export function ensureWorkstation(db: Database, now: Date): Workstation {
  const existing = readMeta(db, 'workstation_id');
  if (existing !== undefined) {
    return { id: existing, name: readMeta(db, 'workstation_name') ?? os.hostname() };
  }
  const workstation = { id: newId(), name: os.hostname() };
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    insert.run('workstation_id', workstation.id);
    insert.run('workstation_name', workstation.name);
    insert.run('created_at', now.toISOString());
  }).immediate();
  return workstation;
}

/**
 * The short code the city office gave this workstation (inside its plaque numbers), as its last
 * city bundle said; null before the first one. Read from the database each time: a city bundle
 * imported in a worker sets it.
 */
export function workstationCodeOf(db: Database): string | null {
  return readMeta(db, 'workstation_code') ?? null;
}

/** Keeps the code the city's roster gave this workstation (inside the city bundle's import). */
export function setWorkstationCode(db: Database, code: string): void {
  db.prepare("INSERT INTO meta (key, value) VALUES ('workstation_code', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(code);
}
