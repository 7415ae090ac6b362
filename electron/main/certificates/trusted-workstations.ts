/**
 * The workstations whose certificates this one accepts: itself, and those the city office
 * enrolled in the trust store (bundles/trust, another issue). Read-only here; the trust store
 * is looked for by its table so this works before and after that issue lands.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ed25519PublicKeyFromRaw } from '../crypto/identity';

export interface TrustedSigner {
  workstationId: string;
  ed25519PublicKey: crypto.KeyObject;
  /** DER of its PDF-signing certificate, when known. */
  certificateDer: Buffer | null;
  issuer: 'self' | 'enrolled';
  /** Its name: this workstation's own, or the one it was enrolled under. */
  name: string | null;
}

/** This workstation's own name (meta), as `workstation/workstation.ts` keeps it. */
function ownName(db: Database): string | null {
  return (db.prepare("SELECT value FROM meta WHERE key = 'workstation_name'").pluck().get() as string | undefined) ?? null;
}

function derOf(pem: string | null | undefined): Buffer | null {
  if (!pem) return null;
  try {
    return new crypto.X509Certificate(pem).raw;
  } catch {
    return null;
  }
}

function trustStoreRow(db: Database, workstationId: string): { ed25519_public_key: string; certificate_pem: string | null; name: string | null } | undefined {
  const table = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('trusted_workstations', 'trust_store') LIMIT 1").pluck().get() as string | undefined;
  if (!table) return undefined;
  const columns = new Set(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
  if (!columns.has('workstation_id') || !columns.has('ed25519_public_key')) return undefined;
  const certificate = columns.has('certificate_pem') ? 'certificate_pem' : 'NULL AS certificate_pem';
  const name = columns.has('name') ? 'name' : 'NULL AS name';
  const unrevoked = columns.has('revoked_at') ? ' AND revoked_at IS NULL' : '';
  return db.prepare(`SELECT ed25519_public_key, ${certificate}, ${name} FROM ${table} WHERE workstation_id = ?${unrevoked}`).get(workstationId) as { ed25519_public_key: string; certificate_pem: string | null; name: string | null } | undefined;
}

export function findTrustedWorkstation(db: Database, workstationId: string): TrustedSigner | null {
  const own = db
    .prepare("SELECT k.ed25519_public_key, k.certificate_pem, (SELECT value FROM meta WHERE key = 'workstation_name') AS name FROM workstation_keys k WHERE k.workstation_id = ?")
    .get(workstationId) as { ed25519_public_key: string; certificate_pem: string; name: string | null } | undefined;
  const row = own ?? trustStoreRow(db, workstationId);
  if (!row) return null;
  try {
    return {
      workstationId,
      ed25519PublicKey: ed25519PublicKeyFromRaw(Buffer.from(row.ed25519_public_key, 'base64url')),
      certificateDer: derOf(row.certificate_pem),
      issuer: own ? 'self' : 'enrolled',
      name: row.name,
    };
  } catch {
    return null;
  }
}

/** A workstation whose trust the city office revoked (a lost laptop): its plaques no longer verify, and saying why beats "unknown". */
export interface RevokedSigner {
  workstationId: string;
  ed25519PublicKey: string;
  name: string;
  revokedAt: string;
  reason: string | null;
}

export function findRevokedWorkstation(db: Database, workstationId: string): RevokedSigner | null {
  const table = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'trusted_workstations'").pluck().get() as string | undefined;
  if (!table) return null;
  const row = db
    .prepare('SELECT workstation_id AS workstationId, ed25519_public_key AS ed25519PublicKey, name, revoked_at AS revokedAt, revoke_reason AS reason FROM trusted_workstations WHERE workstation_id = ? AND revoked_at IS NOT NULL')
    .get(workstationId) as RevokedSigner | undefined;
  return row ?? null;
}

/** Every trusted workstation's Ed25519 key (raw, base64url), for the standalone verifier page. */
export function allTrustedKeys(db: Database): { workstationId: string; ed25519PublicKey: string; issuer: 'self' | 'enrolled'; name: string | null }[] {
  const own = db.prepare('SELECT workstation_id, ed25519_public_key FROM workstation_keys').all() as { workstation_id: string; ed25519_public_key: string }[];
  const keys = own.map((row) => ({ workstationId: row.workstation_id, ed25519PublicKey: row.ed25519_public_key, issuer: 'self' as 'self' | 'enrolled', name: ownName(db) }));
  const table = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('trusted_workstations', 'trust_store') LIMIT 1").pluck().get() as string | undefined;
  if (table) {
    const columns = new Set(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
    if (columns.has('workstation_id') && columns.has('ed25519_public_key')) {
      const unrevoked = columns.has('revoked_at') ? ' WHERE revoked_at IS NULL' : '';
      const name = columns.has('name') ? 'name' : 'NULL AS name';
      const enrolled = db.prepare(`SELECT workstation_id, ed25519_public_key, ${name} FROM ${table}${unrevoked}`).all() as { workstation_id: string; ed25519_public_key: string; name: string | null }[];
      for (const row of enrolled) if (!keys.some((key) => key.workstationId === row.workstation_id)) keys.push({ workstationId: row.workstation_id, ed25519PublicKey: row.ed25519_public_key, issuer: 'enrolled' as 'self' | 'enrolled', name: row.name });
    }
  }
  return keys;
}
