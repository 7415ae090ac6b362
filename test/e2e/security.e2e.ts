// Security in serve mode: no token no API, foreign pages cannot call it, links cannot navigate the app away.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAppPage } from './support/browser';
import { useAppInBrowser, openLoggedIn } from './support/app-in-browser';

let evil: http.Server;
let evilOrigin: string;

const session = useAppInBrowser();

beforeAll(async () => {
  // A hostile page on another loopback port that knows the API's address but not the token's secrecy rules.
  evil = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>evil</title>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => evil?.close(resolve));
});

describe('security', () => {
  it('refuses API calls without the token', async () => {
    const response = await fetch(`${session.app.origin}/api/system.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('refuses a call from a foreign origin even when it holds the token', async () => {
    const page = await newAppPage(session.browser);
    await page.goto(evilOrigin);
    const status = await page.evaluate(
      async ({ origin, token }) => {
        try {
          const response = await fetch(`${origin}/api/system.status`, {
            method: 'POST',
            mode: 'no-cors',
            headers: { Authorization: `Bearer ${token}` },
            body: '{}',
          });
          return response.type;
        } catch (error) {
          return String(error);
        }
      },
      { origin: session.app.origin, token: session.app.token },
    );
    // An opaque answer at best: the browser shows the page nothing, and the server refused it.
    expect(['opaque', 'TypeError: Failed to fetch']).toContain(status);
    const direct = await fetch(`${session.app.origin}/api/system.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.app.token}`, Origin: evilOrigin },
      body: '{}',
    });
    expect(direct.status).toBe(403);
  });

  it('refuses a foreign Host header', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(session.app.origin);
      const request = http.request(
        { host: url.hostname, port: url.port, path: '/', headers: { Host: 'rebind.example' } },
        (response) => resolve(response.statusCode ?? 0),
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(403);
  });

  it('does not let a link to an external site navigate the app', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app);
    await page.getByTestId('home-title').waitFor();
    const before = page.url();
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/phish';
      link.textContent = 'external';
      link.id = 'external-link';
      document.body.appendChild(link);
    });
    await page.click('#external-link');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(await page.getByTestId('home-title').count()).toBe(1);
  });
});
