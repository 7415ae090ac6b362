/**
 * A password for the command line: from `DINGXING_PASSWORD` (scripts), else typed at a prompt
 * without echo when a person is at the terminal. Nothing is ever asked of a script.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { DxError } from '@shared/api/errors';
import { KeyPassphraseSchema } from '@shared/domain/keys';
import { PasswordSchema } from '@shared/domain/roles';
import { UsageError } from './command';
import type { CliCommand } from './command';

export function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function readNewPassword(command: CliCommand, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let password = env.DINGXING_PASSWORD;
  if (password === undefined) {
    if (!process.stdin.isTTY) {
      throw new UsageError('没有密码：请设置 DINGXING_PASSWORD 或在终端中运行 / No password: set DINGXING_PASSWORD or run this in a terminal', command);
    }
    password = await promptHidden('密码 / Password: ');
    const again = await promptHidden('再次输入 / Again: ');
    if (again !== password) throw new UsageError('两次输入的密码不一致 / The two passwords differ', command);
  }
  const checked = PasswordSchema.safeParse(password);
  if (!checked.success) throw new UsageError('密码至少 8 个字符 / The password needs at least 8 characters', command);
  return checked.data;
}

/**
 * The passphrase that will protect new workstation keys: DINGXING_KEY_PASSPHRASE (scripts), else
 * typed twice at the terminal. It cannot be recovered, so a person is told before typing it.
 */
export async function readNewKeyPassphrase(command: CliCommand, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let passphrase = env.DINGXING_KEY_PASSPHRASE;
  if (passphrase === undefined || passphrase === '') {
    if (!process.stdin.isTTY) {
      throw new UsageError('没有密钥口令：请设置 DINGXING_KEY_PASSPHRASE 或在终端中运行 / No key passphrase: set DINGXING_KEY_PASSPHRASE or run this in a terminal', command);
    }
    process.stderr.write('口令保护本工作站的签名密钥（证书、报告、数据包），忘记后无法找回。\nThe passphrase protects this workstation’s signing keys (plaques, reports, bundles); it cannot be recovered if forgotten.\n');
    passphrase = await promptHidden('密钥口令 / Key passphrase: ');
    const again = await promptHidden('再次输入 / Again: ');
    if (again !== passphrase) throw new UsageError('两次输入的口令不一致 / The two passphrases differ', command);
  }
  const checked = KeyPassphraseSchema.safeParse(passphrase);
  if (!checked.success) {
    throw new DxError('BAD_INPUT', '密钥口令至少 10 个字符 / The key passphrase needs at least 10 characters', { reason: 'weak-passphrase', issues: [{ path: ['DINGXING_KEY_PASSPHRASE'], message: 'at least 10 characters' }] });
  }
  return checked.data;
}
