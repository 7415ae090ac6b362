// A logged-in browser page for e2e tests: the user is made with the built CLI, logged in over HTTP, and every API
// request of the page carries that session (the header the app's own login would send).
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { ServedApp } from './serve';

export const e2ePassword = 'e2e-password-123';

export function addUser(dbFile: string, name: string, ...roles: string[]): void {
  execFileSync(process.execPath, ['bin/dingxing.mjs', 'users', 'add', name, ...roles.flatMap((role) => ['--role', role]), '--db', dbFile], {
    stdio: 'ignore',
    env: { ...process.env, DINGXING_PASSWORD: e2ePassword },
  });
}

export async function logIn(app: ServedApp, name: string): Promise<string> {
  const response = await fetch(`${app.origin}/api/session.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}`, Origin: app.origin },
    body: JSON.stringify({ name, password: e2ePassword }),
  });
  const body = (await response.json()) as { result?: { session?: string }; error?: unknown };
  if (!body.result?.session) throw new Error(`login failed: ${JSON.stringify(body)}`);
  return body.result.session;
}

export async function withSession(page: Page, session: string): Promise<void> {
  await page.route('**/api/**', (route) => route.continue({ headers: { ...route.request().headers(), 'x-dingxing-session': session } }));
}
