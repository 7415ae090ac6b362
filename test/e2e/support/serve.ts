// Starts the real app (`dingxing serve` on a temporary database) as a user would, and stops it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServedApp {
  url: string;
  origin: string;
  token: string;
  dbFile: string;
  dir: string;
  stop(): Promise<void>;
}

export async function serveApp(options: { dbFile?: string } = {}): Promise<ServedApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-e2e-'));
  const dbFile = options.dbFile ?? path.join(dir, 'e2e.sqlite');
  const child: ChildProcess = spawn(process.execPath, ['bin/dingxing.mjs', 'serve', '--db', dbFile, '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
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
