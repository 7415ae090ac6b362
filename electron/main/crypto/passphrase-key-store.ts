/**
 * The passphrase KeyStore of the CLI and serve mode: scrypt derives a key from the passphrase
 * and a random salt; AES-256-GCM seals the secret, so a wrong passphrase is detected (the tag
 * does not verify) rather than yielding garbage keys.
 */
import crypto from 'node:crypto';
import { DxError } from '@shared/api/errors';
import type { KeyStore } from './key-store';

const magic = Buffer.from('DXP1');
// N = 2^15, r = 8: ~32 MB and ~100 ms on a laptop, once per process.
const scryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/**
 * Keys derived in this process, by salt and passphrase: scrypt is slow on purpose, and a process
 * that unlocks the same stored key again (serve mode after a lock, commands run in one process)
 * needs it only once. Held as long as the process already holds the passphrase it came from.
 */
const derivedKeys = new Map<string, Buffer>();
const derivedKeysKept = 16;

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  const normalized = passphrase.normalize('NFC');
  const id = crypto.createHash('sha256').update(salt).update(normalized).digest('base64');
  const known = derivedKeys.get(id);
  if (known) return known;
  const key = crypto.scryptSync(normalized, salt, 32, scryptOptions);
  if (derivedKeys.size >= derivedKeysKept) derivedKeys.delete(derivedKeys.keys().next().value as string);
  derivedKeys.set(id, key);
  return key;
}

export function wrongPassphrase(): DxError {
  return new DxError('REFUSED', '工作站密钥口令错误，未做任何更改 / the workstation key passphrase is wrong; nothing was changed', { reason: 'wrong-passphrase' });
}

export class PassphraseKeyStore implements KeyStore {
  readonly method = 'passphrase';

  constructor(private readonly passphrase: string) {
    if (passphrase.length === 0) throw new DxError('BAD_INPUT', '工作站密钥口令不能为空 / the workstation key passphrase must not be empty', { reason: 'empty-passphrase' });
  }

  async protect(secret: Buffer): Promise<Buffer> {
    const salt = crypto.randomBytes(16);
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(this.passphrase, salt), nonce);
    const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
    return Buffer.concat([magic, salt, nonce, sealed, cipher.getAuthTag()]);
  }

  async unprotect(blob: Buffer): Promise<Buffer> {
    if (blob.length < magic.length + 16 + 12 + 16 || !blob.subarray(0, 4).equals(magic)) {
      throw new DxError('REFUSED', '密钥数据不是口令保护的格式 / the key was not protected with a passphrase', { reason: 'wrong-method' });
    }
    const salt = blob.subarray(4, 20);
    const nonce = blob.subarray(20, 32);
    const tag = blob.subarray(blob.length - 16);
    const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(this.passphrase, salt), nonce);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(blob.subarray(32, blob.length - 16)), decipher.final()]);
    } catch {
      throw wrongPassphrase();
    }
  }
}

/** The passphrase from DINGXING_KEY_PASSPHRASE, or null when it is not set. */
export function passphraseKeyStoreFromEnv(env: NodeJS.ProcessEnv = process.env): PassphraseKeyStore | null {
  const passphrase = env.DINGXING_KEY_PASSPHRASE;
  return passphrase === undefined || passphrase === '' ? null : new PassphraseKeyStore(passphrase);
}
