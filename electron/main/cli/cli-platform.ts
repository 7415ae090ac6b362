/** What the command line hands the core: the passphrase key store (cli-key-store.ts) and plain Node's fonts and clock. */
import { nodePlatform } from '../platform/platform';
import type { Platform } from '../platform/platform';
import { cliKeyStore } from './cli-key-store';

export function cliPlatform(): Platform {
  return nodePlatform({ keyStore: cliKeyStore() });
}
