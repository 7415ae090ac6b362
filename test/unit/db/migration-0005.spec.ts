// Migration 5: the list filtered by kind and stars is served by an index, not a scan of every unit.
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile } from '../../helpers/temp';

describe('migration 0005 units kind and stars index', () => {
  it('lets the kind-and-stars filter search an index', async () => {
    const { db } = await openDatabase(tempDbFile(), { migrations: migrations.slice(0, 5) });
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM units u WHERE u.kind = 'community' AND u.current_stars = 3 ORDER BY u.name").all() as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('USING INDEX units_kind_stars');
    expect(plan).not.toContain('SCAN u');
    db.close();
  });

  it('was not there before', async () => {
    const { db } = await openDatabase(tempDbFile(), { migrations: migrations.slice(0, 4) });
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'units_kind_stars'").pluck().get()).toBe(0);
    db.close();
  });
});
