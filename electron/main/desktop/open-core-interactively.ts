/**
 * Opens the core for the desktop app. When that fails (a database from a newer version, a file
 * that cannot be read) a native dialog names the file and offers to quit, open another database
 * file or show the folder; the failed file is never written to. Resolves to null when the user quits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dialog, shell } from 'electron';
import { openCore } from '../host/core';
import type { Core, CoreOptions } from '../host/core';
import { chooseDatabaseText, openFailureChoices, openFailureText } from './open-failure-text';
import type { OpenFailureChoice } from './open-failure-text';

async function askAfterFailure(file: string, error: unknown): Promise<OpenFailureChoice> {
  const text = openFailureText(file, error);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: text.buttons,
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return openFailureChoices[response] ?? 'quit';
}

async function chooseAnotherDatabase(current: string): Promise<string | null> {
  const { canceled, filePaths } = await dialog.showOpenDialog({
    title: chooseDatabaseText.title,
    defaultPath: path.dirname(current),
    properties: ['openFile'],
    filters: [
      { name: chooseDatabaseText.databaseFilter, extensions: ['sqlite', 'db'] },
      { name: chooseDatabaseText.allFilesFilter, extensions: ['*'] },
    ],
  });
  return canceled || filePaths[0] === undefined ? null : filePaths[0];
}

function showFolderOf(file: string): void {
  if (fs.existsSync(file)) shell.showItemInFolder(file);
  else void shell.openPath(path.dirname(file));
}

/** `open` is how the door opens its core (the desktop hosts it, so a backup can be restored in place). */
export async function openCoreInteractively<T = Core>(options: CoreOptions, open: (options: CoreOptions) => Promise<T> = openCore as never): Promise<T | null> {
  let dbFile = options.dbFile;
  for (;;) {
    try {
      return await open({ ...options, dbFile });
    } catch (error) {
      console.error(`Cannot open the database ${dbFile}:`, error);
      const choice = await askAfterFailure(dbFile, error);
      if (choice === 'quit') return null;
      if (choice === 'show-folder') showFolderOf(dbFile);
      else dbFile = (await chooseAnotherDatabase(dbFile)) ?? dbFile;
    }
  }
}
