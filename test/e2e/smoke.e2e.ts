// Smoke: a new user opens the app in Chinese, sees the status page with the schema version, switches to English.
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/main/db/migrations/index';
import { newAppPage, screenshot } from './support/browser';
import { useAppInBrowser, openLoggedIn } from './support/app-in-browser';


const session = useAppInBrowser();

describe('smoke', () => {
  it('opens in Chinese, shows the status page, and switches to English', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app);
    await page.getByTestId('home-title').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByTestId('nav-/').textContent()).toContain('首页');
    // The token left the address bar once it was read.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'home-zh');

    await page.goto(`${session.app.origin}/#/status`);
    await page.getByTestId('schema-version').waitFor();
    expect(await page.getByTestId('schema-version').textContent()).toBe(String(latestSchemaVersion));
    expect(await page.getByTestId('db-file').textContent()).toBe(session.app.dbFile);
    expect(await page.getByText('数据库结构版本').count()).toBe(1);
    await screenshot(page, 'status-zh');

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('Schema version').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'status-en');

    // The choice survives a reload (and the token was kept for the session).
    await page.reload();
    await page.getByText('Schema version').waitFor();
    expect(await page.getByTestId('schema-version').textContent()).toBe(String(latestSchemaVersion));
  });
});
