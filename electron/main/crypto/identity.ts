/**
 * The workstation's identity: an Ed25519 key pair (QR payloads, bundles, audit checkpoints) and
 * an RSA-2048 key with a self-signed X.509 certificate (PDF signatures), made once, on purpose
 * (`dingxing identity create`, or keys.create by an admin), never as a side effect of signing.
 * The private keys are stored only sealed under a random key-encryption key (KEK); the KEK is
 * stored wrapped once per unlock method by a KeyStore (OS keychain, passphrase).
 * This module is the one writer of workstation_keys and workstation_key_wraps.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Workstation } from '../workstation/workstation';
import type { PdfSigningKey } from '../pdf/signer';
import type { KeyStore } from './key-store';
import type { PublicIdentity } from '@shared/domain/identity-file';
import { open, seal } from './sealed-box';
import { makeSelfSignedCertificate } from './x509';

/** What anyone may know: enough to verify this workstation's QR payloads and PDF signatures. */
export type { PublicIdentity };

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

function noKeys(): DxError {
  return new DxError(
    'REFUSED',
    '本工作站还没有密钥：管理员请在 设置 › 系统状态 创建，或运行 dingxing identity create / this workstation has no keys yet: an admin creates them in Settings › System status, or run dingxing identity create',
    { reason: 'no-keys' },
  );
}

/**
 * Makes the keys, their KEK wrapped by every given store (at least one; e.g. a passphrase, and
 * the OS keychain beside it on the desktop). Refused when this workstation already has keys:
 * a second set would orphan every signature made with the first.
 */
export async function createIdentity(db: Database, workstation: Workstation, keyStores: readonly KeyStore[], now: Date): Promise<UnlockedIdentity> {
  if (keyStores.length === 0) throw new DxError('BAD_INPUT', '需要一种保护密钥的方式（口令）/ a way to protect the keys (a passphrase) is needed', { reason: 'no-key-store' });
  if (readKeys(db, workstation.id)) throw keysExist();
  const ed25519 = crypto.generateKeyPairSync('ed25519');
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificatePem = makeSelfSignedCertificate({ commonName: asciiName(workstation), organization: 'Dingxing Assessment Workstation' }, rsa, 20, now);
  const kek = crypto.randomBytes(32);
  const sealedKeys: SealedKeys = {
    ed25519: (ed25519.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
    rsa: (rsa.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
  };
  const sealed = seal(kek, Buffer.from(JSON.stringify(sealedKeys)), workstation.id);
  const wraps: { method: string; wrapped: Buffer }[] = [];
  for (const store of keyStores) wraps.push({ method: store.method, wrapped: await store.protect(kek) });
  const stamp = now.toISOString();
  db.transaction(() => {
    // Another process may have made them meanwhile: theirs stand, this call is refused.
    if (readKeys(db, workstation.id)) throw keysExist();
    db.prepare('INSERT INTO workstation_keys (workstation_id, ed25519_public_key, certificate_pem, sealed_private_keys, created_at) VALUES (?, ?, ?, ?, ?)').run(
      workstation.id,
      rawEd25519PublicKey(ed25519.publicKey).toString('base64url'),
      certificatePem,
      sealed,
      stamp,
    );
    const insertWrap = db.prepare('INSERT INTO workstation_key_wraps (workstation_id, method, wrapped_key, created_at) VALUES (?, ?, ?, ?)');
    for (const wrap of wraps) insertWrap.run(workstation.id, wrap.method, wrap.wrapped, stamp);
  }).immediate();
  return unsealKeys(readKeys(db, workstation.id) as KeysRow, kek, workstation);
}

function keysExist(): DxError {
  return new DxError('CONFLICT', '本工作站已有密钥，不能再创建 / this workstation already has its keys; they are not made twice', { reason: 'keys-exist' });
}

/** The unlock methods whose wrapped KEK is stored (e.g. `passphrase`, `safeStorage`). */
export function unlockMethods(db: Database, workstationId: string): string[] {
  return db.prepare('SELECT method FROM workstation_key_wraps WHERE workstation_id = ? ORDER BY method').pluck().all(workstationId) as string[];
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
 * Unlocks the existing private keys with `keyStore`; never makes them (see createIdentity).
 * A wrong passphrase is refused (DxError REFUSED) before anything is written.
 */
export async function unlockIdentity(db: Database, workstation: Workstation, keyStore: KeyStore | null): Promise<UnlockedIdentity> {
  const row = readKeys(db, workstation.id);
  if (!row) throw noKeys();
  if (!keyStore) {
    throw new DxError('REFUSED', '工作站密钥已锁定：组长或管理员请在应用中解锁，脚本请设置 DINGXING_KEY_PASSPHRASE / the workstation keys are locked: a team leader or admin unlocks them in the app; scripts set DINGXING_KEY_PASSPHRASE', { reason: 'keys-locked' });
  }
  const wrap = db.prepare('SELECT wrapped_key FROM workstation_key_wraps WHERE workstation_id = ? AND method = ?').get(workstation.id, keyStore.method) as { wrapped_key: Buffer } | undefined;
  if (!wrap) {
    const methods = unlockMethods(db, workstation.id);
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
