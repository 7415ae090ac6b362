// The desktop KeyStore wraps secrets with safeStorage's async API, and refuses to exist without real protection.
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronModule);

const { createSafeStorageKeyStore, safeStorageMethod } = await import('../../../electron/main/desktop/safe-storage-key-store');

beforeEach(() => electron.resetFakeElectron());

describe('safeStorage key store', () => {
  it('round-trips any bytes through encryptStringAsync and decryptStringAsync', async () => {
    const store = await createSafeStorageKeyStore(electron.safeStorage, 'win32');
    if (store === null) throw new Error('no key store');
    expect(store.method).toBe(safeStorageMethod);
    const secret = randomBytes(32);
    const blob = await store.protect(secret);
    expect(blob.includes(secret)).toBe(false);
    expect(electron.safeStorage.encryptStringAsync).toHaveBeenCalledWith(secret.toString('base64'));
    expect(await store.unprotect(blob)).toEqual(secret);
    expect(electron.safeStorage.decryptStringAsync).toHaveBeenCalledWith(blob);
  });

  it('is null when the OS offers no encryption', async () => {
    electron.safeStorage.isAsyncEncryptionAvailable.mockResolvedValueOnce(false);
    expect(await createSafeStorageKeyStore(electron.safeStorage, 'darwin')).toBeNull();
  });

  it('is null on Linux without a keyring, where safeStorage would use a built-in key', async () => {
    electron.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(await createSafeStorageKeyStore(electron.safeStorage, 'linux')).toBeNull();
    electron.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
    expect(await createSafeStorageKeyStore(electron.safeStorage, 'linux')).not.toBeNull();
  });

  it('refuses a blob that does not decrypt to a wrapped secret', async () => {
    const store = await createSafeStorageKeyStore(electron.safeStorage, 'win32');
    electron.safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: 'not base64 at all!', shouldReEncrypt: false });
    await expect(store?.unprotect(Buffer.from('x'))).rejects.toThrow('not a wrapped secret');
    electron.safeStorage.decryptStringAsync.mockRejectedValueOnce(new Error('Error while decrypting the ciphertext'));
    await expect(store?.unprotect(Buffer.from('x'))).rejects.toThrow('decrypting');
  });
});
