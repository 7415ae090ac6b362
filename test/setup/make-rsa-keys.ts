// Makes the RSA keys that the test files' workstations take instead of making their own (lend-rsa-keys.ts).
// A workstation's identity holds an RSA-2048 key for PDF signatures, and making one costs a good part of a
// second of CPU: hundreds of test workstations spent more on it than on what their tests are about. These are
// made the same way, once per run, in parallel, and reach the test files in memory (vitest's provide), never
// through a file.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PKCS#8 PEM private keys, each lent to at most one workstation of a test file. */
    rsaKeyPool: string[];
  }
}

/** Enough for the test file with the most workstations; a file that needs more makes the rest itself. */
export const rsaKeyPoolSize = 24;

async function makePool(): Promise<string[]> {
  const generateKeyPair = promisify(crypto.generateKeyPair);
  const pairs = await Promise.all(
    Array.from({ length: rsaKeyPoolSize }, () =>
      generateKeyPair('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }),
    ),
  );
  return pairs.map((pair) => pair.privateKey);
}

// Every project's global set-up runs in the one vitest process: the pool is made once for all of them.
const madeOnce = Symbol.for('dingxing.test.rsaKeyPool');
const runWide = globalThis as { [madeOnce]?: Promise<string[]> };

export default async function setup(project: TestProject): Promise<void> {
  project.provide('rsaKeyPool', await (runWide[madeOnce] ??= makePool()));
}
