// The passphrase KeyStore: a wrong passphrase is refused, and scrypt runs once per stored key in a process.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the passphrase key store', () => {
  it('gives back what it protected, and refuses another passphrase without a second guess', async () => {
    const secret = crypto.randomBytes(32);
    const wrapped = await new PassphraseKeyStore('正确的口令 one').protect(secret);
    expect(await new PassphraseKeyStore('正确的口令 one').unprotect(wrapped)).toEqual(secret);
    await expect(new PassphraseKeyStore('正确的口令 two').unprotect(wrapped)).rejects.toMatchObject({ code: 'REFUSED', details: { reason: 'wrong-passphrase' } });
    // The same passphrase typed in another Unicode form is the same passphrase.
    expect(await new PassphraseKeyStore('cafe\u0301 key').unprotect(await new PassphraseKeyStore('café key').protect(secret))).toEqual(secret);
  });

  it('derives the key of one stored wrap once per process, however often it is unlocked', async () => {
    const scrypt = vi.spyOn(crypto, 'scryptSync');
    const wrapped = await new PassphraseKeyStore('unlock me often').protect(crypto.randomBytes(32));
    for (let unlock = 0; unlock < 3; unlock += 1) await new PassphraseKeyStore('unlock me often').unprotect(wrapped);
    expect(scrypt).toHaveBeenCalledTimes(1);
    // A wrong passphrase is derived (and refused) each time: it is never taken for the right one.
    await expect(new PassphraseKeyStore('unlock me wrongly').unprotect(wrapped)).rejects.toMatchObject({ code: 'REFUSED' });
    expect(scrypt).toHaveBeenCalledTimes(2);
  });
});
