/**
 * Where the workstation keeps its database when no --db is given: the same folder the desktop
 * app uses (Electron's userData for the app name "dingxing"), so the CLI and the app share data.
 * DINGXING_DB overrides the file, DINGXING_HOME the folder.
 */
import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'dingxing';
export const databaseFileName = 'dingxing.sqlite';

/**
 * A base folder from the environment only when it names one from the root: an empty or relative
 * value (a shell that exports XDG_CONFIG_HOME="") would otherwise put the database in whatever
 * folder the command ran from. The XDG spec and Electron's userData ignore such values too.
 */
function absoluteOrNull(value: string | undefined): string | null {
  return value !== undefined && value !== '' && path.isAbsolute(value) ? value : null;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DINGXING_HOME) return env.DINGXING_HOME;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolderName);
  return path.join(absoluteOrNull(env.XDG_CONFIG_HOME) ?? path.join(home, '.config'), appFolderName);
}

export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.DINGXING_DB || path.join(defaultDataDir(env), databaseFileName);
}
