/**
 * Who did something, as a printed document says it: a user's display name; the command line as
 * 命令行（account） rather than `cli:root`. For Chinese documents (summaries, reports); the app
 * translates the command line itself.
 */
import type { Database } from 'better-sqlite3';

export function personLabel(db: Database, actor: string): string {
  if (actor.startsWith('cli:')) return `命令行（${actor.slice(4)}）`;
  const name = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(actor) as string | undefined;
  return name ?? actor;
}
