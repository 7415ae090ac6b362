/**
 * Two programs writing one database at once, as on an inspector's laptop: `dingxing serve`
 * taking `units.create` calls over HTTP as fast as they are answered, while `dingxing` CLI
 * processes import units files, list units and verify the audit chain. Every error from either
 * side is collected; afterwards every write either side acknowledged must be in the database
 * and the audit chain must verify (appends from two processes never fork it).
 *
 * The short run is part of the suite (test/integration/safety/concurrent-writers.spec.ts);
 * `npm run stress` runs it for a minute.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const bin = path.resolve('bin/dingxing.mjs');
const password = 'stress-password-1';

export interface StressReport {
  httpWrites: number;
  cliImports: number;
  cliReads: number;
  errors: string[];
  missing: string[];
  auditVerified: boolean;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function post(port: number, token: string, session: string, name: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${name}`,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Dingxing-Session': session, 'Content-Length': Buffer.byteLength(text) },
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

async function startServe(dbFile: string): Promise<{ port: number; token: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', dbFile, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const printed = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        resolve(JSON.parse(stdout) as { url: string; port: number });
      } catch {
        // not complete yet
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const token = new URLSearchParams(new URL(printed.url).hash.split('?')[1]).get('token') ?? '';
  return {
    port: printed.port,
    token,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const unitFields = (name: string) => ({ name, kind: 'enterprise', industry: 'delivery', districtCode: '420102', street: '', address: '', uscc: '', households: null, contact: '', phone: '', inScope: true });

export async function runConcurrentWriters(options: { dir: string; durationMs: number }): Promise<StressReport> {
  const dbFile = path.join(options.dir, 'stress.sqlite');
  const errors: string[] = [];
  const init = await run(['init', '--db', dbFile]);
  const user = await run(['users', 'add', 'stress', '--role', 'inspector', '--db', dbFile], { DINGXING_PASSWORD: password });
  if (init.code !== 0 || user.code !== 0) throw new Error(`setup failed: ${init.stderr}${user.stderr}`);
  const serve = await startServe(dbFile);
  const acknowledged: string[] = [];
  const imported: string[] = [];
  let cliImports = 0;
  let cliReads = 0;
  try {
    const login = await post(serve.port, serve.token, '', 'session.login', { name: 'stress', password });
    const session = (JSON.parse(login.body) as { result: { session: string } }).result.session;
    const deadline = Date.now() + options.durationMs;

    const httpWriter = async (lane: number) => {
      for (let index = 0; Date.now() < deadline; index += 1) {
        const reply = await post(serve.port, serve.token, session, 'units.create', unitFields(`serve-${lane}-${index}`));
        if (reply.status === 200) acknowledged.push((JSON.parse(reply.body) as { result: { id: string } }).result.id);
        else errors.push(`units.create → ${reply.status} ${reply.body.slice(0, 300)}`);
      }
    };

    const cliWriter = async () => {
      for (let round = 0; Date.now() < deadline; round += 1) {
        const names = Array.from({ length: 20 }, (_, row) => `cli-${round}-${row}`);
        const file = path.join(options.dir, `cli-${round}.csv`);
        fs.writeFileSync(file, ['name,kind,industry,district', ...names.map((name) => `${name},企业,,江岸区`)].join('\n'));
        const importRun = await run(['units', 'import', file, '--db', dbFile, '--json']);
        if (importRun.code === 0) {
          imported.push(...names);
          cliImports += 1;
        } else errors.push(`units import → exit ${importRun.code}: ${importRun.stderr.slice(0, 300)}`);
        const readRun = await run([round % 2 === 0 ? 'units' : 'audit', round % 2 === 0 ? 'list' : 'verify', '--db', dbFile, '--json']);
        if (readRun.code === 0) cliReads += 1;
        else errors.push(`${round % 2 === 0 ? 'units list' : 'audit verify'} → exit ${readRun.code}: ${readRun.stderr.slice(0, 300)}`);
      }
    };

    await Promise.all([httpWriter(1), httpWriter(2), cliWriter()]);
  } finally {
    await serve.stop();
  }

  const db = new BetterSqlite3(dbFile, { readonly: true });
  const missing: string[] = [];
  try {
    const hasId = db.prepare('SELECT 1 FROM units WHERE id = ?').pluck();
    for (const id of acknowledged) if (hasId.get(id) === undefined) missing.push(`unit ${id} (serve)`);
    const hasName = db.prepare('SELECT 1 FROM units WHERE name = ?').pluck();
    for (const name of imported) if (hasName.get(name) === undefined) missing.push(`unit ${name} (cli import)`);
  } finally {
    db.close();
  }
  const audit = await run(['audit', 'verify', '--db', dbFile, '--json']);
  if (audit.code !== 0) errors.push(`final audit verify → exit ${audit.code}: ${audit.stderr.slice(0, 300)}`);
  return { httpWrites: acknowledged.length, cliImports, cliReads, errors, missing, auditVerified: audit.code === 0 };
}
