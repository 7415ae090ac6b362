/**
 * The workstation's identity: an Ed25519 key pair (QR payloads; later bundles and audit
 * checkpoints) and an RSA-2048 key with a self-signed X.509 certificate (PDF signatures), made
 * on first need. The private keys are stored only sealed under a random key-encryption key
 * (KEK); the KEK is stored wrapped once per unlock method by a KeyStore (OS keychain, passphrase).
 * This module is the one writer of workstation_keys and workstation_key_wraps.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Workstation } from '../workstation/workstation';
import type { PdfSigningKey } from '../pdf/signer';
import type { KeyStore } from './key-store';
import { open, seal } from './sealed-box';
import { makeSelfSignedCertificate } from './x509';

/** What anyone may know: enough to verify this workstation's QR payloads and PDF signatures. */
export interface PublicIdentity {
  format: 'dingxing.identity/1';
  workstationId: string;
  workstationName: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  ed25519PublicKey: string;
  certificatePem: string;
  /** SHA-256 of the raw Ed25519 public key, hex in groups of four: what a person compares. */
  fingerprint: string;
  createdAt: string;
}

export interface UnlockedIdentity {
  publicIdentity: PublicIdentity;
  ed25519PrivateKey: crypto.KeyObject;
  pdfSigningKey: PdfSigningKey;
  /** Kept to wrap the KEK for another unlock method. */
  kek: Buffer;
}

interface KeysRow {
  workstation_id: string;
  ed25519_public_key: string;
  certificate_pem: string;
  sealed_private_keys: Buffer;
  created_at: string;
}

interface SealedKeys {
  ed25519: string;
  rsa: string;
}

const spkiEd25519Prefix = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PublicKeyFromRaw(raw: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([spkiEd25519Prefix, raw]), format: 'der', type: 'spki' });
}

export function rawEd25519PublicKey(key: crypto.KeyObject): Buffer {
  return (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(spkiEd25519Prefix.length);
}

export function fingerprintOf(ed25519PublicKey: string): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(ed25519PublicKey, 'base64url')).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

function readKeys(db: Database, workstationId: string): KeysRow | undefined {
  return db.prepare('SELECT * FROM workstation_keys WHERE workstation_id = ?').get(workstationId) as KeysRow | undefined;
}

function publicOf(row: KeysRow, workstation: Workstation): PublicIdentity {
  return {
    format: 'dingxing.identity/1',
    workstationId: row.workstation_id,
    workstationName: workstation.name,
    ed25519PublicKey: row.ed25519_public_key,
    certificatePem: row.certificate_pem,
    fingerprint: fingerprintOf(row.ed25519_public_key),
    createdAt: row.created_at,
  };
}

/** The public identity, or null before the keys were first made. Needs no unlocking. */
export function readPublicIdentity(db: Database, workstation: Workstation): PublicIdentity | null {
  const row = readKeys(db, workstation.id);
  return row ? publicOf(row, workstation) : null;
}

function asciiName(workstation: Workstation): string {
  return `Dingxing Workstation ${workstation.id}`;
}

async function makeKeys(db: Database, workstation: Workstation, keyStore: KeyStore, now: Date): Promise<void> {
  const ed25519 = crypto.generateKeyPairSync('ed25519');
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificatePem = makeSelfSignedCertificate({ commonName: asciiName(workstation), organization: 'Dingxing Assessment Workstation' }, rsa, 20, now);
  const kek = crypto.randomBytes(32);
  const sealedKeys: SealedKeys = {
    ed25519: (ed25519.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
    rsa: (rsa.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
  };
  const sealed = seal(kek, Buffer.from(JSON.stringify(sealedKeys)), workstation.id);
  const wrapped = await keyStore.protect(kek);
  const stamp = now.toISOString();
  db.transaction(() => {
    // Another process may have made them meanwhile: theirs win, ours are dropped.
    if (readKeys(db, workstation.id)) return;
    db.prepare('INSERT INTO workstation_keys (workstation_id, ed25519_public_key, certificate_pem, sealed_private_keys, created_at) VALUES (?, ?, ?, ?, ?)').run(
      workstation.id,
      rawEd25519PublicKey(ed25519.publicKey).toString('base64url'),
      certificatePem,
      sealed,
      stamp,
    );
    db.prepare('INSERT INTO workstation_key_wraps (workstation_id, method, wrapped_key, created_at) VALUES (?, ?, ?, ?)').run(workstation.id, keyStore.method, wrapped, stamp);
  }).immediate();
}

function unsealKeys(row: KeysRow, kek: Buffer, workstation: Workstation): UnlockedIdentity {
  let keys: SealedKeys;
  try {
    keys = JSON.parse(open(kek, row.sealed_private_keys, workstation.id).toString('utf8')) as SealedKeys;
  } catch {
    throw new DxError('REFUSED', '工作站私钥无法解开，密钥数据可能已损坏 / the workstation private keys cannot be opened; the key data may be damaged', { reason: 'keys-damaged' });
  }
  return {
    publicIdentity: publicOf(row, workstation),
    ed25519PrivateKey: crypto.createPrivateKey({ key: Buffer.from(keys.ed25519, 'base64'), format: 'der', type: 'pkcs8' }),
    pdfSigningKey: { certificatePem: row.certificate_pem, privateKey: crypto.createPrivateKey({ key: Buffer.from(keys.rsa, 'base64'), format: 'der', type: 'pkcs8' }) },
    kek,
  };
}

/**
 * Unlocks the private keys with `keyStore`, making them first when this workstation has none.
 * A wrong passphrase is refused (DxError REFUSED) before anything is written.
 */
export async function unlockIdentity(db: Database, workstation: Workstation, keyStore: KeyStore | null, now: Date): Promise<UnlockedIdentity> {
  if (!keyStore) {
    throw new DxError('REFUSED', '需要工作站密钥口令：请设置 DINGXING_KEY_PASSPHRASE 或在终端中输入 / the workstation key passphrase is needed: set DINGXING_KEY_PASSPHRASE or type it at the prompt', { reason: 'no-key-store' });
  }
  if (!readKeys(db, workstation.id)) await makeKeys(db, workstation, keyStore, now);
  const row = readKeys(db, workstation.id) as KeysRow;
  const wrap = db.prepare('SELECT wrapped_key FROM workstation_key_wraps WHERE workstation_id = ? AND method = ?').get(workstation.id, keyStore.method) as { wrapped_key: Buffer } | undefined;
  if (!wrap) {
    const methods = db.prepare('SELECT method FROM workstation_key_wraps WHERE workstation_id = ?').pluck().all(workstation.id) as string[];
    throw new DxError('REFUSED', `工作站密钥未设置“${keyStore.method}”解锁方式，只能用：${methods.join('、')} / the workstation keys cannot be unlocked by ${keyStore.method}, only by ${methods.join(', ')}`, { reason: 'method-not-enrolled', methods });
  }
  const kek = await keyStore.unprotect(wrap.wrapped_key);
  return unsealKeys(row, kek, workstation);
}

/** Lets another unlock method open the keys too (e.g. a passphrase for the CLI beside the OS keychain). */
export async function addUnlockMethod(db: Database, unlocked: UnlockedIdentity, keyStore: KeyStore, now: Date): Promise<void> {
  const wrapped = await keyStore.protect(unlocked.kek);
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO workstation_key_wraps (workstation_id, method, wrapped_key, created_at) VALUES (?, ?, ?, ?)').run(unlocked.publicIdentity.workstationId, keyStore.method, wrapped, now.toISOString());
  }).immediate();
}
