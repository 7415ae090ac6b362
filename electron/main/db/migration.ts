/** One numbered schema change. Each runs in its own transaction; `user_version` records the last applied. */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
