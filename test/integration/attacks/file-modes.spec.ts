// Item 8 of the hostile run: the database, its backups and the transfers were created 0644, so any
// local account could read them. On Linux and macOS every file of the workstation's data is 0600
// and its folders 0700 (Windows keeps its per-user default); a file made by an older version is
// tightened when the app opens it.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeEvidenceFile } from '../../../electron/main/assessments/evidence-store';
import { openCore } from '../../../electron/main/host/core';
import { restoreDatabase } from '../../../electron/main/backups/restore';
import { Transfers } from '../../../electron/main/files/transfers';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { makeKeys } from '../../helpers/keys';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { anyone } from '../../helpers/actors';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const posix = process.platform !== 'win32';

function mode(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

/** Every file and folder under `root`, with its mode. */
function modes(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      found.set(path.relative(root, full) + (entry.isDirectory() ? '/' : ''), mode(full));
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return found;
}

describe.runIf(posix)('item 8: files another local account could read', () => {
  it('creates the database, its WAL, backups, evidence, transfers and bundles 0600 in 0700 folders, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const home = path.join(tempDir(), 'dingxing');
      const dbFile = path.join(home, 'dingxing.sqlite');
      const core = await openCore({ dbFile, jobMode: 'inline', platform: nodePlatform({ keyStore: new PassphraseKeyStore('file-modes-passphrase') }) });
      try {
        await makeKeys(core, 'file-modes-passphrase');
        await core.dispatcher.dispatch('units.create', { name: '模式测试单位', kind: 'enterprise', industry: 'delivery', districtCode: '420102', street: '', address: '', uscc: '', households: null, contact: '', phone: '', inScope: true }, anyone);
        expect(await core.dispatcher.dispatch('system.backup', {}, anyone)).toMatchObject({ ok: true });
        storeEvidenceFile(home, Buffer.from('a photo'));
        const transfer = core.services.transfers.startUpload('test:someone', 'week.dxb', 10);
        expect(transfer.uploadId).toBeTruthy();
        expect(await core.dispatcher.dispatch('bundles.export', { full: true }, anyone)).toMatchObject({ ok: true });
        const seen = modes(home);
        expect(seen.size).toBeGreaterThan(6);
        for (const [name, value] of seen) expect(`${name} ${value}`).toBe(`${name} ${name.endsWith('/') ? '700' : '600'}`);
        expect([...seen.keys()]).toEqual(expect.arrayContaining(['dingxing.sqlite', 'dingxing.sqlite-wal', 'dingxing.sqlite-shm', 'backups/', 'evidence/', 'transfers/']));
      } finally {
        core.close();
      }
      expect(mode(home)).toBe('700');
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a database an older version left readable, and writes `dingxing backup --out` and restores private', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'old.sqlite');
    expect((await cli('init', '--db', dbFile)).code).toBe(0);
    fs.chmodSync(dbFile, 0o644);
    expect((await cli('units', 'list', '--db', dbFile)).code).toBe(0);
    expect(mode(dbFile)).toBe('600');
    const copy = path.join(dir, 'copy.sqlite');
    expect((await cli('backup', '--out', copy, '--db', dbFile)).code).toBe(0);
    expect(mode(copy)).toBe('600');
    fs.chmodSync(copy, 0o644);
    await restoreDatabase(copy, dbFile, () => new Date('2026-12-01T10:00:00Z'));
    expect(mode(dbFile)).toBe('600');
    for (const backup of fs.readdirSync(path.join(dir, 'backups'))) expect(mode(path.join(dir, 'backups', backup))).toBe('600');
    new BetterSqlite3(dbFile).close();
  });

  it('leaves the folder a --db file sits in as it was when it existed already', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    expect((await cli('init', '--db', path.join(dir, 'mine.sqlite'))).code).toBe(0);
    expect(mode(dir)).toBe('755');
    expect(mode(path.join(dir, 'mine.sqlite'))).toBe('600');
  });

  it('keeps a transfer folder private from its first upload on', () => {
    const dataDir = tempDir();
    const transfers = new Transfers(dataDir, () => Date.parse('2026-12-01T10:00:00Z'));
    transfers.startUpload('test:li', 'a.dxb', 3);
    const seen = modes(path.join(dataDir, 'transfers'));
    for (const [name, value] of seen) expect(`${name} ${value}`).toBe(`${name} ${name.endsWith('/') ? '700' : '600'}`);
    expect(mode(path.join(dataDir, 'transfers'))).toBe('700');
  });
});
