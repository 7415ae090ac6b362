/**
 * Import previews held by the core between 检查 and 导入: a 100,000-row preview with 50,000
 * errors is ~12 MB, too much to send to a window at once, so the window gets a summary and a
 * token, pages through rows and errors with it, and imports with it. A token is random, belongs
 * to the user who previewed, and expires; each user holds at most a few (a new file replaces the
 * oldest), so memory stays bounded.
 */
import { randomBytes } from 'node:crypto';
import { DxError } from '@shared/api/errors';
import type { UnitImportReport } from '@shared/api/procedures/units';
import type { ImportMode } from './validate-rows';

export interface ImportSession {
  token: string;
  ownerId: string;
  fileName: string;
  bytes: Uint8Array;
  mode: ImportMode;
  /** The full preview: every error, and rows up to the preview limit. */
  report: UnitImportReport;
  expiresAt: number;
}

/** Long enough to read through the errors and fix a row or two; a forgotten preview is dropped. */
export const importSessionTtlMs = 30 * 60 * 1000;
const sessionsPerUser = 2;

export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();

  constructor(private readonly now: () => number, private readonly ttlMs = importSessionTtlMs) {}

  open(ownerId: string, fields: Omit<ImportSession, 'token' | 'ownerId' | 'expiresAt'>): ImportSession {
    this.sweep();
    const own = [...this.sessions.values()].filter((session) => session.ownerId === ownerId);
    for (const old of own.slice(0, Math.max(0, own.length - sessionsPerUser + 1))) this.sessions.delete(old.token);
    const session: ImportSession = { ...fields, token: randomBytes(24).toString('base64url'), ownerId, expiresAt: this.now() + this.ttlMs };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The caller's live session; another user's token is refused exactly like an unknown one. */
  get(token: string, ownerId: string): ImportSession {
    const session = this.sessions.get(token);
    if (session === undefined || session.ownerId !== ownerId) {
      throw new DxError('NOT_FOUND', '找不到这次导入预览（可能属于其他用户或已被新的预览取代），请重新选择文件 / this import preview was not found (it may belong to another user or was replaced by a newer one); choose the file again', { reason: 'import.sessionUnknown' });
    }
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(token);
      throw new DxError('NOT_FOUND', '导入预览已过期（30 分钟），请重新选择文件 / the import preview has expired (30 minutes); choose the file again', { reason: 'import.sessionExpired' });
    }
    return session;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(token);
  }
}
