// The tests' workstations take RSA keys from the run's pool (test/setup/lend-rsa-keys.ts): each its own.
import crypto from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';

const spki = (key: crypto.KeyObject) => key.export({ type: 'spki', format: 'pem' });

describe('the RSA keys lent to test workstations', () => {
  it('are real RSA-2048 keys of the pool, a different one for each workstation of a file', () => {
    const pool = inject('rsaKeyPool');
    expect(pool).toHaveLength(24);
    const first = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const second = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(first.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(spki(first.publicKey)).not.toEqual(spki(second.publicKey));
    const poolPublicKeys = pool.map((pem) => spki(crypto.createPublicKey(pem)));
    expect(poolPublicKeys).toContain(spki(first.publicKey));
    expect(poolPublicKeys).toContain(spki(second.publicKey));
    // A key that signs verifies with its own public half.
    const signature = crypto.sign('sha256', Buffer.from('plaque'), first.privateKey);
    expect(crypto.verify('sha256', Buffer.from('plaque'), first.publicKey, signature)).toBe(true);
  });

  it('leaves every other request to Node', () => {
    const pool = inject('rsaKeyPool').map((pem) => spki(crypto.createPublicKey(pem)));
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(other.privateKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(pool).not.toContain(spki(other.publicKey));
    expect(crypto.generateKeyPairSync('ed25519').privateKey.asymmetricKeyType).toBe('ed25519');
  });
});
