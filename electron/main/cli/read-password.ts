/**
 * A password for the command line: from `DINGXING_PASSWORD` (scripts), else typed at a prompt
 * without echo when a person is at the terminal. Nothing is ever asked of a script.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { PasswordSchema } from '@shared/domain/roles';
import { UsageError } from './command';
import type { CliCommand } from './command';

function promptHidden(question: string): Promise<string> {
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
