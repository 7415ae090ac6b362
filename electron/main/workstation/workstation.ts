/**
 * This workstation's identity as stored in the database (table `meta`; this module writes it,
 * the demo marker aside): an id made once, on first open, and a name that people choose (asked
 * at first start, changed in 设置 or with `dingxing workstation name`). Until someone chooses
 * one, the computer's host name stands in, and `named` says so. Also the verification address
 * the city office sets for plaques' QR codes (set at the city, carried to laptops by city bundles).
 */
import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { newId } from '../platform/ids';

export interface Workstation {
  id: string;
  /** The chosen name, else the host name. */
  name: string;
  /** A person chose the name (false while the host name stands in). */
  named: boolean;
}

function readMeta(db: Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

function writeMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** When the demo filled this database, if it did: it fills a database once. */
export function demoLoadedAt(db: Database): string | undefined {
  return readMeta(db, 'demo_loaded_at');
}

export function markDemoLoaded(db: Database, at: string): void {
  writeMeta(db, 'demo_loaded_at', at);
}

/** The workstation as stored (a worker's connection reads its name here). */
export function readWorkstation(db: Database, id: string): Workstation {
  const named = readMeta(db, 'workstation_named_at') !== undefined;
  return { id, name: readMeta(db, 'workstation_name') ?? os.hostname(), named };
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
  if (existing !== undefined) return readWorkstation(db, existing);
  const id = newId();
  db.transaction(() => {
    writeMeta(db, 'workstation_id', id);
    writeMeta(db, 'workstation_name', os.hostname());
    writeMeta(db, 'created_at', now.toISOString());
  }).immediate();
  return readWorkstation(db, id);
}

/**
 * Stores the name people chose and updates `workstation` in place (every module holding it sees
 * the new name). Runs inside the caller's transaction, beside its audit entry.
 */
export function setWorkstationName(db: Database, workstation: Workstation, name: string, now: Date): void {
  writeMeta(db, 'workstation_name', name);
  writeMeta(db, 'workstation_named_at', now.toISOString());
  workstation.name = name;
  workstation.named = true;
}

export interface VerificationAddress {
  address: string | null;
  /** When the city office set it (laptops keep the newest a city bundle brings). */
  setAt: string | null;
}

export function verificationAddress(db: Database): VerificationAddress {
  return { address: readMeta(db, 'verification_address') || null, setAt: readMeta(db, 'verification_address_set_at') ?? null };
}

/** The city office sets (or, with null, clears) its address, at its own time. */
export function setVerificationAddress(db: Database, address: string | null, setAt: string): void {
  writeMeta(db, 'verification_address', address ?? '');
  writeMeta(db, 'verification_address_set_at', setAt);
}

/** A laptop keeps the address a city bundle brings unless it holds one set later: an older bundle never undoes a newer one. */
export function adoptVerificationAddress(db: Database, address: string | null, setAt: string): boolean {
  const current = readMeta(db, 'verification_address_set_at');
  if (current !== undefined && current >= setAt) return false;
  setVerificationAddress(db, address, setAt);
  return true;
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
