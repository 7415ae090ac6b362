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
