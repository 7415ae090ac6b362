/**
 * What the start-up dialog says when the database cannot be opened. It appears before the
 * renderer (and its language setting) exists, so like the CLI it says everything in Chinese
 * first, then in English.
 */
import { DxError } from '@shared/api/errors';

export interface OpenFailureText {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
}

/** Button order; the dialog answers with an index into it. */
export const openFailureChoices = ['quit', 'open-another', 'show-folder'] as const;
export type OpenFailureChoice = (typeof openFailureChoices)[number];

function explain(error: unknown): { zh: string; en: string } {
  if (error instanceof DxError && error.code === 'DB_TOO_NEW') {
    const version = error.details?.schemaVersion ?? '?';
    const supported = error.details?.supported ?? '?';
    return {
      zh: `这个数据库由更新版本的鼎星评定工作站写入（结构版本 ${version}，本程序最高支持 ${supported}）。请升级本程序后再打开它。文件未被改动。`,
      en: `This database was written by a newer version of the app (schema version ${version}; this version supports up to ${supported}). Update the app to open it. The file was not changed.`,
    };
  }
  if (error instanceof DxError && error.code === 'REFUSED') {
    return {
      zh: '这个文件不是鼎星评定工作站的数据库（可能属于其他程序）。为保护它，本程序没有打开或改动它。',
      en: 'This file is not a database of the Dingxing Workstation (it may belong to another program). To protect it, the app neither opened nor changed it.',
    };
  }
  if (error instanceof DxError && error.code === 'DB_UNAVAILABLE') {
    return {
      zh: '无法读取这个数据库文件：它可能已损坏、不是本程序的数据库，或当前账户没有读写权限。文件未被改动。',
      en: 'The database file cannot be read: it may be damaged, not a database of this app, or not readable by this account. The file was not changed.',
    };
  }
  return { zh: '打开数据库时出现意外错误。', en: 'An unexpected error occurred while opening the database.' };
}

export function openFailureText(file: string, error: unknown): OpenFailureText {
  const { zh, en } = explain(error);
  const technical = error instanceof Error ? error.message : String(error);
  // A newer schema is fully explained above; for the rest SQLite's own words help whoever fixes it.
  const tooNew = error instanceof DxError && error.code === 'DB_TOO_NEW';
  return {
    title: '无法打开数据库 · Cannot open the database',
    message: `${zh}\n${en}`,
    detail: tooNew ? `文件 File: ${file}` : `文件 File: ${file}\n\n详细信息 Details: ${technical}`,
    buttons: ['退出 Quit', '打开其他数据库… Open another database…', '显示所在文件夹 Show folder'],
  };
}

export const chooseDatabaseText = {
  title: '选择数据库文件 · Choose a database file',
  databaseFilter: '鼎星数据库 Dingxing database',
  allFilesFilter: '所有文件 All files',
};
