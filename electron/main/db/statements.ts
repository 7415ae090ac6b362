/**
 * Prepared statements cached per connection and SQL text: signing runs a dozen statements, and
 * compiling each anew cost more than running it. Never call .pluck()/.raw() on a cached
 * statement; those switch the shared statement's mode.
 */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
