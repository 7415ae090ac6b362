// Runs before each test file (setupFiles): a workstation made by the file takes the next RSA-2048 key of the
// run's pool (make-rsa-keys.ts) instead of making one, so that each test pays for its own work, not for prime
// searches. Every workstation of a file still has its own key; past the pool, keys are made as usual.
import crypto from 'node:crypto';
import { inject } from 'vitest';

type GenerateKeyPairSync = (type: string, options?: { modulusLength?: number; publicKeyEncoding?: unknown }) => crypto.KeyPairKeyObjectResult;

const lent = Symbol.for('dingxing.test.lentRsaKeys');
const cryptoModule = crypto as unknown as { generateKeyPairSync: GenerateKeyPairSync; [lent]?: { next: number } };

if (!cryptoModule[lent]) {
  const pool = inject('rsaKeyPool') ?? [];
  const state = { next: 0 };
  const makeKeyPair = cryptoModule.generateKeyPairSync.bind(crypto);
  cryptoModule[lent] = state;
  cryptoModule.generateKeyPairSync = (type, options) => {
    const pem = pool[state.next];
    // Only the app's own request (key objects, not encoded): anything else is made as asked.
    if (type !== 'rsa' || options?.modulusLength !== 2048 || options.publicKeyEncoding !== undefined || pem === undefined) return makeKeyPair(type, options);
    state.next += 1;
    const privateKey = crypto.createPrivateKey(pem);
    return { privateKey, publicKey: crypto.createPublicKey(privateKey) };
  };
}
// Each file starts at the pool's first key: its workstations never meet another file's.
cryptoModule[lent].next = 0;
