// Starts the real app (`dingxing serve` on a temporary database) as a user would, and stops it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dingxing } from './dingxing';

export interface ServedApp {
  url: string;
  origin: string;
  token: string;
  dbFile: string;
  dir: string;
  stop(): Promise<void>;
}

/** The people of the e2e workstation, made with the CLI before the app starts. */
export const e2eUsers = {
  admin: { name: 'admin', displayName: '系统管理员', password: 'admin-password-1', roles: 'admin' },
  leader: { name: 'wangzz', displayName: '王组长', password: 'leader-password-1', roles: 'inspector,leader' },
  inspector: { name: 'lijc', displayName: '李检查员', password: 'inspector-password-1', roles: 'inspector' },
  city: { name: 'liufx', displayName: '刘分析', password: 'city-password-1', roles: 'city' },
} as const;
export type E2eUser = keyof typeof e2eUsers;

async function addUsers(dbFile: string): Promise<void> {
  const run = (args: string[], password: string) => dingxing([...args, '--db', dbFile], { env: { DINGXING_PASSWORD: password } });
  await run(['init', '--admin', e2eUsers.admin.name, '--display-name', e2eUsers.admin.displayName], e2eUsers.admin.password);
  for (const user of [e2eUsers.leader, e2eUsers.inspector, e2eUsers.city]) {
    await run(['users', 'add', user.name, '--role', user.roles, '--display-name', user.displayName], user.password);
  }
}

/** `users: false` serves a database without users, as a fresh install has. */
export async function serveApp(options: { dbFile?: string; users?: boolean; env?: Record<string, string> } = {}): Promise<ServedApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-e2e-'));
  const dbFile = options.dbFile ?? path.join(dir, 'e2e.sqlite');
  if (options.users !== false) await addUsers(dbFile);
  const child: ChildProcess = spawn(process.execPath, ['bin/dingxing.mjs', 'serve', '--db', dbFile, '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const printed = await new Promise<{ url: string }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        const document = JSON.parse(stdout) as { url: string };
        clearTimeout(timer);
        resolve(document);
      } catch {
        // not complete yet
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
  const url = new URL(printed.url);
  const token = new URLSearchParams(url.hash.split('?')[1]).get('token') ?? '';
  return {
    url: printed.url,
    origin: url.origin,
    token,
    dbFile,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
