/**
 * The desktop's KeyStore: Electron's safeStorage (DPAPI on Windows, the Keychain on macOS, the
 * Secret Service or KWallet on Linux), through the async API that Electron 45 recommends.
 * Must be created after the app is ready.
 */
import { safeStorage } from 'electron';
import type { KeyStore } from '../platform/platform';

export const safeStorageMethod = 'safeStorage';

type SafeStorage = Pick<Electron.SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'>;

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Null where the OS offers no real protection, so the core refuses to sign rather than pretend. */
export async function createSafeStorageKeyStore(storage: SafeStorage = safeStorage, platform: NodeJS.Platform = process.platform): Promise<KeyStore | null> {
  if (!(await storage.isAsyncEncryptionAvailable())) return null;
  // Without a keyring, Linux safeStorage encrypts with a key built into Electron: no secret at all.
  if (platform === 'linux' && ['basic_text', 'unknown'].includes(storage.getSelectedStorageBackend())) return null;
  return {
    method: safeStorageMethod,
    // safeStorage takes strings: the secret's bytes travel as base64.
    protect: (secret) => storage.encryptStringAsync(secret.toString('base64')),
    async unprotect(blob) {
      // shouldReEncrypt is ignored: the old blob stays readable, and rewrapping is the caller's business.
      const { result } = await storage.decryptStringAsync(blob);
      if (!base64.test(result)) throw new Error('safeStorage returned something that is not a wrapped secret');
      return Buffer.from(result, 'base64');
    },
  };
}
