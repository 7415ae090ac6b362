/**
 * Turns SQLite's failures that a person can act on into DxErrors with a message in both
 * languages: a database busy past the timeout (retryable), read-only, full or damaged. Anything
 * else stays an internal error.
 */
import { DxError } from '@shared/api/errors';

interface SqliteLikeError {
  code: string;
  message: string;
}

function sqliteCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as Partial<SqliteLikeError>).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

export const busyMessage =
  '另一个程序正在写入数据库，请稍后重试 / another program is writing to the database; try again in a moment';

/** The DxError a person can act on for this SQLite error, or undefined when it is the program's fault. */
export function dxErrorOfSqlite(error: unknown): DxError | undefined {
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  const detail = (error as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DxError('BUSY', busyMessage, { retryable: true, sqlite: code });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DxError('DB_UNAVAILABLE', `数据库文件只读，无法写入 / the database file is read-only: ${detail}`, { sqlite: code });
  }
  if (code === 'SQLITE_FULL') return new DxError('DB_UNAVAILABLE', `磁盘已满，无法写入数据库 / the disk is full: ${detail}`, { sqlite: code });
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DxError('DB_UNAVAILABLE', `无法打开数据库文件 / cannot open the database file: ${detail}`, { sqlite: code });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DxError('DB_UNAVAILABLE', `数据库文件已损坏 / the database file is damaged: ${detail}`, { sqlite: code });
  }
  if (code.startsWith('SQLITE_IOERR')) return new DxError('DB_UNAVAILABLE', `读写数据库文件失败 / disk I/O error: ${detail}`, { sqlite: code });
  return undefined;
}
