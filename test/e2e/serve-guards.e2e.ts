// Serve mode's guards, request by request: the token, the Host and Origin checks, and a cross-site
// POST from a hostile page in a real browser, which must be refused with nothing written.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAppPage } from './support/browser';
import { useAppInBrowser } from './support/app-in-browser';

const served = useAppInBrowser();
let evil: http.Server;
let evilOrigin: string;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(pathname: string, headers: Record<string, string | undefined>, method = 'POST', body = '{}'): Promise<Answer> {
  const origin = new URL(served.app.origin);
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: origin.hostname, port: origin.port, path: pathname, method, headers: headers as http.OutgoingHttpHeaders, setHost: !('Host' in headers) }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(method === 'GET' ? undefined : body);
  });
}

const json = { 'Content-Type': 'application/json' };
const bearer = () => ({ Authorization: `Bearer ${served.app.token}` });

function unitCount(): number {
  const db = new BetterSqlite3(served.app.dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

// A body units.create would accept (strict schema: only its own fields; 420102 is 江岸区).
const newUnit = JSON.stringify({ name: '跨站写入测试单位', kind: 'enterprise', districtCode: '420102', street: 'x' });

beforeAll(async () => {
  // A hostile page on another loopback port: its forms and scripts aim at the served API.
  evil = http.createServer((incoming, response) => {
    const target = new URL(incoming.url ?? '/', 'http://evil').searchParams.get('target') ?? '';
    const enctype = new URL(incoming.url ?? '/', 'http://evil').searchParams.get('enctype') ?? 'text/plain';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>evil</title>
      <form id="attack" method="POST" action="${target}" enctype="${enctype}">
        <input name='${newUnit.slice(0, -'x"}'.length)}' value='"}'>
      </form>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => evil?.close(resolve));
});

describe('the access token', () => {
  it('answers the right token and refuses every near miss with 401', async () => {
    expect((await request('/api/session.get', { ...json, ...bearer() })).status).toBe(200);
    const token = served.app.token;
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const headers of [
      {},
      { Authorization: `Bearer ${wrong}` },
      { Authorization: `Bearer ${token}x` },
      { Authorization: `Bearer ${token.slice(0, -1)}` },
      { Authorization: `bearer ${token}` },
      { Authorization: token },
      { Authorization: `Basic ${Buffer.from(`user:${token}`).toString('base64')}` },
      { Cookie: `token=${token}` },
    ]) {
      const answer = await request('/api/session.get', { ...json, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    expect((await request(`/api/session.get?token=${token}`, json)).status).toBe(401);
    expect((await request('/api/events', {}, 'GET')).status).toBe(401);
  });
});

describe('the Host header', () => {
  it('accepts only 127.0.0.1 and localhost on the served port, before looking at the token', async () => {
    const port = new URL(served.app.origin).port;
    expect((await request('/', { Host: `127.0.0.1:${port}` }, 'GET')).status).toBe(200);
    expect((await request('/', { Host: `localhost:${port}` }, 'GET')).status).toBe(200);
    for (const foreign of ['rebind.example', `rebind.example:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `127.0.0.1.rebind.example:${port}`, `[::1]:${port}`]) {
      expect((await request('/', { Host: foreign }, 'GET')).status, foreign).toBe(403);
      expect((await request('/api/session.get', { ...json, ...bearer(), Host: foreign })).status, foreign).toBe(403);
    }
  });

  it('refuses a request with no Host at all', async () => {
    const origin = new URL(served.app.origin);
    const status = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(origin.port), origin.hostname, () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    expect(status).toMatch(/^HTTP\/1\.[01] 403/);
  });
});

describe('the Origin header', () => {
  it('accepts the app’s own origins and no header, and refuses every other origin even with the token', async () => {
    const port = new URL(served.app.origin).port;
    for (const own of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await request('/api/session.get', { ...json, ...bearer(), Origin: own })).status, own).toBe(200);
    }
    for (const foreign of ['null', evilOrigin, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port}/`, `http://127.0.0.1:${port}.evil.example`, 'http://127.0.0.1', 'file://', 'not an origin']) {
      const answer = await request('/api/session.get', { ...json, ...bearer(), Origin: foreign });
      expect(answer.status, foreign).toBe(403);
      expect(answer.headers['access-control-allow-origin'], foreign).toBeUndefined();
    }
  });

  it('answers a CORS preflight with a refusal and no Access-Control headers', async () => {
    const answer = await request('/api/units.create', { Origin: evilOrigin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' }, 'OPTIONS', '');
    expect(answer.status).toBe(403);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('a cross-site POST from a hostile page', () => {
  it('is refused for a form in every encoding a form can send, and writes nothing', async () => {
    const before = unitCount();
    for (const enctype of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const page = await newAppPage(served.browser);
      const target = `${served.app.origin}/api/units.create?token=${served.app.token}`;
      await page.goto(`${evilOrigin}/?target=${encodeURIComponent(target)}&enctype=${encodeURIComponent(enctype)}`);
      const [answer] = await Promise.all([page.waitForResponse((response) => response.url().startsWith(`${served.app.origin}/api/`)), page.evaluate(() => (document.getElementById('attack') as HTMLFormElement).submit())]);
      expect(answer.status(), enctype).toBe(403);
      expect(answer.request().headers().origin, enctype).toBe(evilOrigin);
      await page.close();
    }
    expect(unitCount()).toBe(before);
  });

  it('cannot call the API from script even knowing the token, and writes nothing', async () => {
    const before = unitCount();
    const page = await newAppPage(served.browser);
    await page.goto(evilOrigin);
    const outcomes = await page.evaluate(
      async ({ origin, token, body }) => {
        const attempt = async (init: RequestInit) => {
          try {
            const response = await fetch(`${origin}/api/units.create`, init);
            return `${response.type}:${response.status}`;
          } catch (error) {
            return String(error);
          }
        };
        return [
          // Preflighted: JSON with the token.
          await attempt({ method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body }),
          // Simple request: no preflight, so the Origin check alone must stop it.
          await attempt({ method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }),
          await attempt({ method: 'POST', mode: 'no-cors', credentials: 'include', body }),
        ];
      },
      { origin: served.app.origin, token: served.app.token, body: newUnit },
    );
    expect(outcomes[0]).toBe('TypeError: Failed to fetch');
    // An opaque answer shows the page nothing; what matters is that the server wrote nothing.
    expect(outcomes.slice(1).every((outcome) => outcome === 'opaque:0' || outcome === 'TypeError: Failed to fetch')).toBe(true);
    expect(unitCount()).toBe(before);
  });
});
