// Migration 6: the list's sort indexes end with id, so a deep page is found inside the index.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile } from '../../helpers/temp';

function plan(db: Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
}

describe('migration 0006 units sort indexes end with id', () => {
  it('serves the name order with its id tie-breaker from the index alone', async () => {
    const { db } = await openDatabase(tempDbFile(), { migrations: migrations.slice(0, 6) });
    const byName = plan(db, 'SELECT rowid FROM units u ORDER BY u.name, u.id LIMIT 50 OFFSET 99950');
    expect(byName).toContain('COVERING INDEX units_name');
    expect(byName).not.toContain('TEMP B-TREE');
    const byStars = plan(db, "SELECT rowid FROM units u WHERE u.kind = 'community' AND u.current_stars = 3 ORDER BY u.name, u.id LIMIT 50");
    expect(byStars).toContain('COVERING INDEX units_kind_stars');
    db.close();
  });

  it('needed a temporary sort for the tie-breaker before', async () => {
    const { db } = await openDatabase(tempDbFile(), { migrations: migrations.slice(0, 5) });
    expect(plan(db, 'SELECT rowid FROM units u ORDER BY u.name, u.id LIMIT 50 OFFSET 99950')).toContain('TEMP B-TREE');
    db.close();
  });
});
