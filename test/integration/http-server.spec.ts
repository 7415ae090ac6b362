// Serve mode's loopback server: token, Host and Origin checks, schema validation, static files, progress events.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '@shared/api/contract';
import { base64Length, formatMegabytes, maxImportFileBytes, maxRequestBodyBytes } from '@shared/limits';
import { startHttpServer } from '../../electron/main/transports/http-server';
import type { RunningHttpServer } from '../../electron/main/transports/http-server';
import { testCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { hashPassword } from '../../electron/main/users/password-hash';
import { insertUser } from '../../electron/main/users/user-store';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: RunningHttpServer;
let port: number;
const token = 'test-token-0123456789';

function request(method: string, urlPath: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let adminSession = '';
const api = (name: string, body: string, headers: Record<string, string> = {}) =>
  request('POST', `/api/${name}`, { body, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Dingxing-Session': adminSession, ...headers } });

async function login(name: string, password: string): Promise<Reply> {
  return api('session.login', JSON.stringify({ name, password }), { 'X-Dingxing-Session': '' });
}

beforeAll(async () => {
  const core = await testCore();
  insertUser(core.services.db, { name: 'admin', displayName: '管理员', roles: ['admin'], passwordHash: await hashPassword('admin-password') }, new Date());
  insertUser(core.services.db, { name: 'li', displayName: '李检查员', roles: ['inspector'], passwordHash: await hashPassword('inspector-password') }, new Date());
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startHttpServer({ dispatcher: core.dispatcher, port: 0, rendererDir, token });
  port = server.port;
  adminSession = JSON.parse((await login('admin', 'admin-password')).body).result.session;
});

afterAll(async () => {
  await server.close();
});

describe('serve mode sessions', () => {
  it('logs in with a name and password and answers { result: { session } }', async () => {
    const reply = await login('li', 'inspector-password');
    expect(reply.status).toBe(200);
    const { session, user } = JSON.parse(reply.body).result;
    expect(session).toMatch(/^[\w-]{40,}$/);
    expect(user).toMatchObject({ name: 'li', roles: ['inspector'] });
    expect((await api('system.status', '{}', { 'X-Dingxing-Session': session })).status).toBe(200);
  });

  it('answers 401 without a session, with a forged one and after logout', async () => {
    expect((await api('system.status', '{}', { 'X-Dingxing-Session': '' })).status).toBe(401);
    expect((await api('system.status', '{}', { 'X-Dingxing-Session': 'forged-session-value-0000000000000000000000' })).status).toBe(401);
    const session = JSON.parse((await login('li', 'inspector-password')).body).result.session as string;
    expect((await api('session.logout', '{}', { 'X-Dingxing-Session': session })).status).toBe(200);
    const after = await api('system.status', '{}', { 'X-Dingxing-Session': session });
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body).error.code).toBe('UNAUTHORIZED');
  });

  it('gives a wrong password and an unknown name the same answer', async () => {
    const wrong = await login('li', 'not-the-password');
    const unknown = await login('nobody', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(JSON.parse(wrong.body).error.message).toBe(JSON.parse(unknown.body).error.message);
  });

  it('answers 403 naming the role when an inspector calls an admin or leader procedure', async () => {
    const session = JSON.parse((await login('li', 'inspector-password')).body).result.session as string;
    const add = await api('users.add', JSON.stringify({ name: 'x', displayName: 'x', roles: ['admin'], password: 'long-enough' }), { 'X-Dingxing-Session': session });
    expect(add.status).toBe(403);
    expect(JSON.parse(add.body).error).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['admin'] } });
    const sign = await api('assessments.sign', JSON.stringify({ id: 'whatever' }), { 'X-Dingxing-Session': session });
    expect(sign.status).toBe(403);
    expect(JSON.parse(sign.body).error.message).toContain('leader');
  });

  it('takes the caller from the session header, never from the body', async () => {
    const session = JSON.parse((await login('li', 'inspector-password')).body).result.session as string;
    const reply = await api('users.list', JSON.stringify({ actor: { userId: 'x', roles: ['admin'] } }), { 'X-Dingxing-Session': session });
    expect(reply.status).toBe(403);
  });
});

describe('serve mode HTTP server', () => {
  it('prints a URL on 127.0.0.1 that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/#/?token=${token}`);
  });

  it('answers a call with the token', async () => {
    const reply = await api('system.status', '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).result.schemaVersion).toBeGreaterThan(0);
  });

  it('refuses a call without the token or with a wrong one (401)', async () => {
    expect((await request('POST', '/api/system.status', { body: '{}', headers: { 'Content-Type': 'application/json' } })).status).toBe(401);
    const wrong = await api('system.status', '{}', { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token (403)', async () => {
    const reply = await api('system.status', '{}', { Host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    expect((await request('GET', '/', { headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses a cross-site Origin (403) and accepts its own', async () => {
    expect((await api('system.status', '{}', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('system.status', '{}', { Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await api('system.status', '{}', { Origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('refuses malformed JSON (400) without running anything', async () => {
    const reply = await api('system.status', '{not json');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.code).toBe('BAD_INPUT');
  });

  it('refuses input failing the schema (400) and lists the issues', async () => {
    const reply = await api('jobs.cancel', '{"jobId": 7}');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.details.issues[0].path).toEqual(['jobId']);
  });

  it('refuses a non-JSON content type (415) so a plain HTML form cannot call the API', async () => {
    expect((await api('system.status', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('answers 413 with a JSON error, not a reset connection, for a body over the one limit', async () => {
    const oversized = `{"fileName":"u.csv","contentBase64":"${'A'.repeat(maxRequestBodyBytes)}"}`;
    for (const headers of [{}, { 'Content-Length': String(Buffer.byteLength(oversized)) }] as Record<string, string>[]) {
      const reply = await api('units.importPreview', oversized, headers);
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'TOO_LARGE', details: { limitBytes: maxRequestBodyBytes } } });
      expect(JSON.parse(reply.body).error.message).toContain('上限');
    }
  });

  it('checks a file against the same limit in the schema: at the limit taken, just over refused naming it', () => {
    const input = (length: number) => ({ fileName: 'u.csv', contentBase64: 'A'.repeat(length) });
    const schema = procedures['units.importPreview'].input;
    expect(schema.safeParse(input(base64Length(maxImportFileBytes))).success).toBe(true);
    const over = schema.safeParse(input(base64Length(maxImportFileBytes) + 4));
    expect(over.success).toBe(false);
    expect(JSON.stringify(over.error?.issues)).toContain(formatMegabytes(maxImportFileBytes));
    expect(base64Length(maxImportFileBytes)).toBeLessThan(maxRequestBodyBytes);
  });

  it('answers 404 for an unknown procedure', async () => {
    expect((await api('no.such', '{}')).status).toBe(404);
  });

  it('serves the app with a strict CSP and falls back to index.html for app routes', async () => {
    const index = await request('GET', '/units/42');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>app</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await request('GET', '/assets/app.js')).headers['content-type']).toContain('javascript');
    expect((await request('GET', '/assets/missing.js')).status).toBe(404);
  });

  it('does not serve files outside the renderer folder', async () => {
    const reply = await request('GET', '/..%2f..%2f..%2fetc%2fpasswd');
    expect(reply.body).not.toContain('root:');
  });

  it('streams job progress as server-sent events to token holders', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}`, 'X-Dingxing-Session': adminSession } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected') && !text.includes('event: progress')) {
              void api('system.integrityCheck', '{}', { 'X-Job-Id': 'sse-job' });
            }
            if (text.includes('"jobId":"sse-job"')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: progress');
  });
});
