// Units sort by name in pinyin order, as people look names up; migration 0010 gives every existing unit its key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations/index';
import { nameSortKey } from '../../../electron/main/units/name-sort-key';

const names = ['中北路社区', '安泰物业', '武昌医院', '江岸快递', '百步亭花园社区', '光谷第一社区', '汉阳银行', '重庆路社区', 'ABC科技', '东湖新技术开发区档案馆'];

describe('name sort key', () => {
  it('orders names as the zh-CN pinyin collation does, not by code point', () => {
    const sortByKey = (list: string[]) => [...list].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));
    const chinese = names.filter((name) => !/[A-Z]/.test(name));
    expect(sortByKey(chinese)).toEqual([...chinese].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare));
    expect(sortByKey(chinese).slice(0, 3)).toEqual(['安泰物业', '百步亭花园社区', '重庆路社区']);
    // A name in Latin letters sorts among the syllables by its letters (abc before an tai).
    expect(sortByKey(names)[0]).toBe('ABC科技');
  });

  it('is filled by migration 0010 for the units already there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-mig9-'));
    const db = new BetterSqlite3(path.join(dir, 'test.sqlite'));
    const before = migrations.findIndex((migration) => migration.name === 'units sort by name in pinyin');
    applyMigrations(db, migrations.slice(0, before), 0);
    db.prepare("INSERT INTO districts VALUES ('420102', '江岸区', 'Jiang''an District', 'district', 1)").run();
    db.prepare("INSERT INTO units (id, workstation_id, name, kind, district_code, created_at, updated_at) VALUES ('u1', 'w', '中北路社区', 'community', '420102', 'x', 'x')").run();
    applyMigrations(db, migrations, before);
    expect(db.prepare("SELECT name_sort FROM units WHERE id = 'u1'").pluck().get()).toBe('zhong bei lu she qu');
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
