// 备份与恢复 in a running app: an admin puts a backup in place, the core reopens on it and carries on;
// a file that is not a sound backup is refused and the live database stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hostCore } from '../../electron/main/host/core-host';
import type { CoreHost } from '../../electron/main/host/core-host';
import { addUnit } from '../unit/assessments/fixtures';
import { anyone, asAdmin, asLeader } from '../helpers/actors';
import { tempDbFile } from '../helpers/temp';

const hosts: CoreHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.close()));

async function host(): Promise<CoreHost> {
  const opened = await hostCore({ dbFile: tempDbFile(), jobMode: 'inline' });
  hosts.push(opened);
  return opened;
}

const unitCount = (opened: CoreHost) => opened.current.services.db.prepare('SELECT count(*) FROM units').pluck().get();

describe('restore in place', () => {
  it('puts a backup in place, keeps the replaced database as a backup, and answers calls on the restored one', async () => {
    const opened = await host();
    addUnit(opened.current);
    const backup = await opened.dispatcher.dispatch('system.backup', {}, anyone);
    expect(backup.ok).toBe(true);
    addUnit(opened.current);
    expect(unitCount(opened)).toBe(2);
    const name = path.basename((backup as { value: { file: string } }).value.file);

    expect(await opened.dispatcher.dispatch('backups.restore', { name }, asLeader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const restored = await opened.dispatcher.dispatch('backups.restore', { name }, asAdmin);
    expect(restored).toMatchObject({ ok: true, value: { restored: name } });
    expect(unitCount(opened)).toBe(1);
    const list = await opened.dispatcher.dispatch('backups.list', {}, anyone);
    expect((list as { value: { backups: { kind: string }[] } }).value.backups.map((entry) => entry.kind)).toContain('beforeRestore');
    const audit = opened.current.services.db.prepare("SELECT actor FROM audit_log WHERE action = 'restore'").pluck().all();
    expect(audit).toEqual(['test:管理员']);
  });

  it('refuses a file in the backups folder that is not a database of this app, and changes nothing', async () => {
    const opened = await host();
    addUnit(opened.current);
    const dir = path.join(opened.current.services.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const foreign = new BetterSqlite3(path.join(dir, 'dingxing-foreign.sqlite'));
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    foreign.close();
    const result = await opened.dispatcher.dispatch('backups.restore', { name: 'dingxing-foreign.sqlite' }, asAdmin);
    expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(unitCount(opened)).toBe(1);
    expect(await opened.dispatcher.dispatch('units.list', {}, anyone)).toMatchObject({ ok: true });
  });

  it('names only files of the backups folder', async () => {
    const opened = await host();
    for (const name of ['../x.sqlite', 'nope.sqlite', 'dingxing-missing.sqlite']) {
      expect(await opened.dispatcher.dispatch('backups.restore', { name }, asAdmin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });
});
