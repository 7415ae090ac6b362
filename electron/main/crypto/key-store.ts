/**
 * How a door protects the key-encryption key of the workstation's private keys: the OS keychain
 * (Electron safeStorage) in the desktop app, a passphrase for the CLI and serve. The same shape
 * as `Platform.keyStore` (electron/main/platform.ts).
 */
export interface KeyStore {
  /** Names the unlock method; one wrapped copy of the key is stored per method. */
  method: string;
  protect(secret: Buffer): Promise<Buffer>;
  /** Throws DxError REFUSED (details.reason 'wrong-passphrase' or similar) when it cannot. */
  unprotect(blob: Buffer): Promise<Buffer>;
}
