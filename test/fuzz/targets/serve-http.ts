/**
 * Raw HTTP requests to `serve` (over a socket, so nothing is tidied by an HTTP client): methods,
 * paths, Host, Origin, token, session, content type, bodies, all damaged or made up. Each must be
 * answered (a status line within `hangMs`, or the connection closed) and never with a 5xx; a
 * request that is refused writes nothing; and the server keeps answering good requests.
 */
import net from 'node:net';
import fc from 'fast-check';
import BetterSqlite3 from 'better-sqlite3';
import { openCore } from '../../../electron/main/host/core';
import type { Core } from '../../../electron/main/host/core';
import { startHttpServer } from '../../../electron/main/transports/http-server';
import type { RunningHttpServer } from '../../../electron/main/transports/http-server';
import { rendererDir } from '../../../electron/main/platform/renderer-dir';
import { hangMs } from '../target';
import type { FuzzTarget } from '../target';
import { cliInProcess } from '../world';
import type { FuzzWorld } from '../world';

const password = 'fuzz-password-1';

interface Serving {
  core: Core;
  server: RunningHttpServer;
  session: string;
}

let serving: Serving | null = null;

async function serve(world: FuzzWorld): Promise<Serving> {
  if (serving) return serving;
  process.env.DINGXING_PASSWORD = password;
  try {
    await cliInProcess(['users', 'add', 'fuzz', '--role', 'inspector', '--role', 'leader', '--role', 'city', '--role', 'admin', '--db', world.dbFile]);
  } finally {
    delete process.env.DINGXING_PASSWORD;
  }
  const core = await openCore({ dbFile: world.dbFile, jobMode: 'inline' });
  const server = await startHttpServer({ dispatcher: core.dispatcher, port: 0, rendererDir: rendererDir() });
  const login = await core.dispatcher.dispatch('session.login', { name: 'fuzz', password }, { session: null });
  if (!login.ok) throw new Error(`fuzz set-up: login refused: ${login.error.message}`);
  serving = { core, server, session: (login.value as { session: string }).session };
  return serving;
}

export async function stopServe(): Promise<void> {
  if (!serving) return;
  await serving.server.close();
  serving.core.close();
  serving = null;
}

interface RawRequest {
  method: string;
  path: string;
  host: string | null;
  origin: string | null;
  token: 'good' | 'wrong' | 'none';
  session: 'good' | 'wrong' | 'none';
  contentType: string | null;
  extraHeaders: [string, string][];
  body: Buffer;
  lengthDelta: number;
}

const procedureNames = ['units.list', 'units.create', 'units.update', 'units.import', 'assessments.start', 'assessments.saveDraft', 'assessments.sign', 'session.login', 'session.unlock', 'users.add', 'system.status', 'backups.restore', 'certificates.verifyQr', 'certificates.issue', 'jobs.cancel', 'events', 'nope', '__proto__', 'constructor'];

function requestCases(port: number): fc.Arbitrary<RawRequest> {
  const token = fc.stringMatching(/^[!-~]{0,40}$/);
  return fc.record({
    method: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH') }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,12}$/) }),
    path: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...procedureNames).map((name) => `/api/${name}`) },
      { weight: 2, arbitrary: fc.constantFrom('/', '/index.html', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/api/', '/api', '//api/units.list', '/api/units.list?x=1', '/favicon.ico') },
      { weight: 2, arbitrary: fc.stringMatching(/^\/[!-~]{0,80}$/) },
    ),
    host: fc.oneof(fc.constant(`127.0.0.1:${port}`), fc.constant(`localhost:${port}`), fc.constant('evil.example'), fc.constant(null), token),
    origin: fc.oneof(fc.constant(null), fc.constant(`http://127.0.0.1:${port}`), fc.constant('https://evil.example'), fc.constant('null'), token),
    token: fc.constantFrom('good' as const, 'good' as const, 'wrong' as const, 'none' as const),
    session: fc.constantFrom('good' as const, 'good' as const, 'wrong' as const, 'none' as const),
    contentType: fc.oneof(fc.constant('application/json'), fc.constant('application/json; charset=utf-8'), fc.constant('text/plain'), fc.constant(null), token),
    extraHeaders: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.stringMatching(/^[ -~]{0,60}$/)), { maxLength: 3 }),
    body: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value))),
      fc.record({ name: fc.string({ maxLength: 20 }), password: fc.string({ maxLength: 20 }), id: fc.uuid(), kind: fc.constantFrom('enterprise', 'school', 'x'), districtCode: fc.constantFrom('420102', '999999') }).map((value) => Buffer.from(JSON.stringify(value))),
      fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
      fc.constant(Buffer.alloc(0)),
    ),
    lengthDelta: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -20, max: 20 }) }),
  });
}

function encode(request: RawRequest, serving: Serving): Buffer {
  const lines = [`${request.method} ${request.path} HTTP/1.1`];
  if (request.host !== null) lines.push(`Host: ${request.host}`);
  if (request.origin !== null) lines.push(`Origin: ${request.origin}`);
  if (request.token === 'good') lines.push(`Authorization: Bearer ${serving.server.token}`);
  if (request.token === 'wrong') lines.push('Authorization: Bearer not-the-token');
  if (request.session === 'good') lines.push(`X-Dingxing-Session: ${serving.session}`);
  if (request.session === 'wrong') lines.push('X-Dingxing-Session: not-a-session');
  if (request.contentType !== null) lines.push(`Content-Type: ${request.contentType}`);
  for (const [name, value] of request.extraHeaders) if (!/^(connection|content-length|transfer-encoding|host)$/i.test(name)) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${Math.max(0, request.body.length + request.lengthDelta)}`, 'Connection: close', '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), request.body]);
}

/** Sends the bytes and half-closes; resolves with the status (0: closed without one) or null when nothing came in time. */
function exchange(port: number, bytes: Buffer): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const timer = setTimeout(() => finish(null), hangMs);
    function finish(status: number | null) {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    }
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(reply);
      if (match) finish(Number(match[1]));
    });
    socket.on('error', () => finish(0));
    socket.on('close', () => finish(0));
    socket.end(bytes);
  });
}

function fingerprint(dbFile: string): string {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    // Sessions and the audit log may record a refused login; every other table must stay as it was.
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('sessions', 'audit_log') ORDER BY name").pluck().all() as string[];
    return tables.map((table) => `${table}:${db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number}`).join(' ');
  } finally {
    db.close();
  }
}

let checked = 0;

export const serveHttp: FuzzTarget<RawRequest> = {
  name: 'serve HTTP',
  // The port is known only once the server runs: cases are drawn for a placeholder and re-aimed in check().
  cases: () => requestCases(0),
  async check(world, request) {
    const running = await serve(world);
    const port = running.server.port;
    const aimed: RawRequest = {
      ...request,
      host: request.host?.replace(/:0$/, `:${port}`) ?? null,
      origin: request.origin?.replace(/:0$/, `:${port}`) ?? null,
    };
    const problems: string[] = [];
    const before = fingerprint(world.dbFile);
    const status = await exchange(port, encode(aimed, running));
    const summary = `${aimed.method} ${aimed.path.slice(0, 60)}`;
    if (status === null) problems.push(`${summary}: no answer within ${hangMs} ms`);
    else if (status >= 500) problems.push(`${summary}: answered ${status}`);
    if (status !== null && (status < 200 || status >= 300) && fingerprint(world.dbFile) !== before) problems.push(`${summary}: refused with ${status} but wrote`);
    if ((checked += 1) % 20 === 0) {
      const alive = await exchange(port, encode({ method: 'POST', path: '/api/system.status', host: `127.0.0.1:${port}`, origin: null, token: 'good', session: 'good', contentType: 'application/json', extraHeaders: [], body: Buffer.from('{}'), lengthDelta: 0 }, running));
      if (alive !== 200) problems.push(`the server stopped answering good requests (${alive})`);
    }
    return problems;
  },
};
