/**
 * Child processes of the campaigns: `dingxing` runs that can be killed at a chosen moment, and HTTP calls to `serve`;
 * and the runs no kill aims at (set-up, the checks after a kill), in this process.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { runCli } from '../../electron/main/cli/run-cli';

export const bin = path.resolve('bin/dingxing.mjs');

export interface Ran {
  /** Exit code, or null when the process was killed. */
  code: number | null;
  killed: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Ran>;
  /** SIGKILL now (no clean-up runs: the pulled plug). */
  kill(): void;
}

export function start(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const began = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Ran>((resolve) => child.on('exit', (code) => resolve({ code, killed, stdout, stderr, ms: Date.now() - began })));
  return {
    child,
    done,
    kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killed = true;
      child.kill('SIGKILL');
    },
  };
}

/**
 * Runs the command to its end inside this process, as `node bin/dingxing.mjs` would (same arguments, exit code and
 * output; `env` set only while it runs): for what no kill aims at (set-up, re-runs and checks after a kill), where a
 * process start per command (seconds on a loaded machine) is not what a campaign tests. A fresh core opens the file each
 * time, as the next program would.
 */
export async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const began = Date.now();
  const saved = new Map(Object.keys(env).map((name) => [name, process.env[name]]));
  setVariables(env);
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, killed: false, stdout, stderr, ms: Date.now() - began };
  } finally {
    setVariables(Object.fromEntries(saved));
  }
}

function setVariables(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/** Runs the command and SIGKILLs it after `afterMs` unless it ended first. */
export async function runAndKill(args: string[], afterMs: number, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const running = start(args, env);
  const timer = setTimeout(() => running.kill(), afterMs);
  const ran = await running.done;
  clearTimeout(timer);
  return ran;
}

/**
 * Runs the command and SIGKILLs it `delayMs` after `moment()` first holds (polled every
 * millisecond), or after `fallbackMs` when it never does, unless the command ended first: a kill
 * aimed at a stage (a file appearing, a write-ahead log growing) rather than at a time.
 */
export async function runAndKillWhen(args: string[], moment: () => boolean, delayMs: number, fallbackMs: number, env: NodeJS.ProcessEnv = {}): Promise<Ran & { sawMoment: boolean }> {
  const running = start(args, env);
  let sawMoment = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = setInterval(() => {
    if (!moment()) return;
    sawMoment = true;
    clearInterval(poll);
    clearTimeout(fallback);
    timer = setTimeout(() => running.kill(), delayMs);
  }, 1);
  const fallback = setTimeout(() => {
    clearInterval(poll);
    running.kill();
  }, fallbackMs);
  const ran = await running.done;
  clearInterval(poll);
  clearTimeout(fallback);
  clearTimeout(timer);
  return { ...ran, sawMoment };
}

export interface Serve {
  port: number;
  token: string;
  running: Running;
}

export async function startServe(dbFile: string, env: NodeJS.ProcessEnv = {}): Promise<Serve> {
  const running = start(['serve', '--db', dbFile, '--port', '0', '--json'], env);
  const printed = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let stdout = '';
    running.child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      let printed: { url?: unknown; port?: unknown };
      try {
        printed = JSON.parse(stdout) as { url?: unknown; port?: unknown };
      } catch {
        return; // not complete yet
      }
      if (typeof printed.url === 'string' && typeof printed.port === 'number') resolve({ url: printed.url, port: printed.port });
      else reject(new Error(`serve did not start: ${stdout.slice(0, 300)}`));
    });
    void running.done.then((ran) => reject(new Error(`serve exited with ${ran.code}: ${ran.stderr}`)));
  });
  const token = new URLSearchParams(new URL(printed.url).hash.split('?')[1]).get('token') ?? '';
  return { port: printed.port, token, running };
}

export interface Reply {
  status: number;
  body: string;
}

export function post(serve: Pick<Serve, 'port' | 'token'>, session: string, name: string, body: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port: serve.port,
        method: 'POST',
        path: `/api/${name}`,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}`, 'X-Dingxing-Session': session, 'Content-Length': Buffer.byteLength(text) },
      },
      (response) => {
        let reply = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (reply += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: reply }));
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}

export function resultOf<T>(reply: Reply): T {
  return (JSON.parse(reply.body) as { result: T }).result;
}
