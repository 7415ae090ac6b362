/**
 * The CLI's key store: the passphrase of DINGXING_KEY_PASSPHRASE, else asked once at the
 * terminal (not echoed) when there is one, else none (commands that sign then refuse, saying so).
 */
import readline from 'node:readline';
import type { KeyStore } from '../crypto/key-store';
import { PassphraseKeyStore, passphraseKeyStoreFromEnv } from '../crypto/passphrase-key-store';

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const output = process.stderr;
    const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
    const writeable = rl as unknown as { _writeToOutput(text: string): void };
    output.write(question);
    writeable._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
  });
}

class PromptedKeyStore implements KeyStore {
  readonly method = 'passphrase';
  private store: Promise<PassphraseKeyStore> | null = null;

  private get(): Promise<PassphraseKeyStore> {
    this.store ??= askHidden('工作站密钥口令 (workstation key passphrase): ').then((answer) => new PassphraseKeyStore(answer));
    return this.store;
  }

  async protect(secret: Buffer): Promise<Buffer> {
    return (await this.get()).protect(secret);
  }

  async unprotect(blob: Buffer): Promise<Buffer> {
    return (await this.get()).unprotect(blob);
  }
}

export function cliKeyStore(): KeyStore | null {
  return passphraseKeyStoreFromEnv() ?? (process.stdin.isTTY ? new PromptedKeyStore() : null);
}

