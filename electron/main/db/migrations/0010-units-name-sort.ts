/**
 * Units sort by name in pinyin order (Intl's zh-CN pinyin collation, as people look names up),
 * not by Unicode code point: each unit stores its name's toneless pinyin in name_sort, filled
 * here for the units already there and by the unit store for every unit written after.
 */
import { pinyin } from 'pinyin-pro';
import type { Migration } from '../migration';

/**
 * The sort key as it was when this migration was written (units/name-sort-key.ts computes today's):
 * a migration is frozen, so it keeps its own copy rather than follow the app's later changes.
 */
function nameSortKey(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ').toLowerCase();
}

export const migration0010: Migration = {
  version: 10,
  name: 'units sort by name in pinyin',
  up(db) {
    db.exec('ALTER TABLE units ADD COLUMN name_sort TEXT');
    const units = db.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[];
    const set = db.prepare('UPDATE units SET name_sort = ? WHERE id = ?');
    for (const unit of units) set.run(nameSortKey(unit.name), unit.id);
    db.exec('CREATE INDEX units_name_sort ON units (name_sort, id)');
  },
};
