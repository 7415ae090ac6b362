// Where the database lives without --db. An empty or relative XDG_CONFIG_HOME (a shell that sets it
// to "", a launcher that exports it unset) is not a folder: taken literally it put the database in
// whatever folder the command ran from. The XDG spec and Electron's userData both ignore it then.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultDatabaseFile } from '../../../electron/main/platform/data-dir';

const home = os.homedir();

describe('defaultDataDir on Linux', () => {
  it('uses an absolute XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/conf' }, 'linux')).toBe(path.join('/srv/conf', 'dingxing'));
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is empty or relative, never the current folder', () => {
    for (const value of ['', 'conf', './conf']) {
      expect(defaultDataDir({ XDG_CONFIG_HOME: value }, 'linux'), JSON.stringify(value)).toBe(path.join(home, '.config', 'dingxing'));
    }
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'dingxing'));
  });

  it('ignores an empty DINGXING_HOME or DINGXING_DB as well', () => {
    expect(defaultDataDir({ DINGXING_HOME: '' }, 'linux')).toBe(path.join(home, '.config', 'dingxing'));
    expect(path.isAbsolute(defaultDatabaseFile({ DINGXING_DB: '', XDG_CONFIG_HOME: '' }))).toBe(true);
  });
});

describe('defaultDataDir on Windows', () => {
  it('falls back to AppData\\Roaming when APPDATA is empty', () => {
    expect(defaultDataDir({ APPDATA: '' }, 'win32')).toBe(path.join(home, 'AppData', 'Roaming', 'dingxing'));
  });
});
