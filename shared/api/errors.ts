/**
 * Errors that cross a boundary (IPC, HTTP, CLI) as plain values `{ code, message, details }`.
 * Codes are stable: the renderer translates them and scripts may match on them.
 */
export const errorCodes = [
  'BAD_INPUT', // input failed its schema or a domain validation; details lists the issues
  'NOT_FOUND',
  'CONFLICT', // a duplicate, or a state that forbids the action (e.g. editing a signed assessment)
  'REFUSED', // a file or bundle that failed verification
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CANCELLED',
  'DB_TOO_NEW', // a database written by a newer version of the app
  'DB_UNAVAILABLE', // the database file cannot be opened or written
  'BUSY', // another program holds the database's write lock past the busy timeout; retry later
  'TOO_LARGE', // a file or request over the one size limit (shared/limits.ts)
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  /** Where the problem is: a field path, an item id, or a line number. */
  path: (string | number)[];
  message: string;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  details?: { issues?: ErrorIssue[]; [key: string]: unknown };
}

/** The one error type the core throws on purpose; anything else is INTERNAL. */
export class DxError extends Error {
  readonly code: ErrorCode;
  readonly details: ApiErrorShape['details'];

  constructor(code: ErrorCode, message: string, details?: ApiErrorShape['details']) {
    super(message);
    this.name = 'DxError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ApiErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(shape: ApiErrorShape): DxError {
    return new DxError(shape.code, shape.message, shape.details);
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    (errorCodes as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

/** Errors worth retrying unchanged a moment later. */
export function isRetryable(code: ErrorCode): boolean {
  return code === 'BUSY';
}

/** What each code means, in both languages: for the command line, which prints both. */
export const errorCodeWords: Record<ErrorCode, { zh: string; en: string }> = {
  BAD_INPUT: { zh: '输入有误', en: 'Invalid input' },
  NOT_FOUND: { zh: '未找到', en: 'Not found' },
  CONFLICT: { zh: '操作冲突', en: 'Conflict' },
  REFUSED: { zh: '已拒绝', en: 'Refused' },
  UNAUTHORIZED: { zh: '未授权', en: 'Not authorised' },
  FORBIDDEN: { zh: '没有权限', en: 'Forbidden' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
  DB_TOO_NEW: { zh: '数据库版本比本应用新', en: 'Database newer than this app' },
  DB_UNAVAILABLE: { zh: '无法打开数据库', en: 'Cannot open the database' },
  BUSY: { zh: '数据库正忙', en: 'Database busy' },
  TOO_LARGE: { zh: '文件太大', en: 'Too large' },
  INTERNAL: { zh: '内部错误', en: 'Internal error' },
};

/** A message for a person who reads either language: as it is when written in both, else led by the code's words in both. */
export function bilingualMessage(code: ErrorCode, message: string): string {
  const hasChinese = /[\u3400-\u9fff]/.test(message);
  const hasEnglish = /[A-Za-z]{3}/.test(message);
  if (hasChinese && hasEnglish && message.includes(' / ')) return message;
  const words = errorCodeWords[code];
  return `${words.zh} / ${words.en}: ${message}`;
}

/** Errors a user caused (exit 1 in the CLI); the rest are the program's fault. */
export function isRefusal(code: ErrorCode): boolean {
  return code !== 'INTERNAL';
}
