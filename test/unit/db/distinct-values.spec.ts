// The index walk gives what SELECT DISTINCT gives, in either order, without NULLs, and seeks instead of scanning.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { distinctValuesSql } from '../../../electron/main/db/distinct-values';

describe('distinct values through an index', () => {
  const db = new BetterSqlite3(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, year INTEGER, who TEXT); CREATE INDEX t_year ON t (year); CREATE INDEX t_who ON t (who)');
  const insert = db.prepare('INSERT INTO t (year, who) VALUES (?, ?)');
  for (let index = 0; index < 5000; index += 1) insert.run(index % 7 === 0 ? null : 2020 + (index % 5), index % 3 === 0 ? null : ['张建国', '李红梅', 'Ann', 'ann'][index % 4]);

  it('gives the distinct values in order, ascending or descending, NULL left out', () => {
    const values = (sql: string) => (db.prepare(sql).all() as { value: unknown }[]).map((row) => row.value);
    expect(values(distinctValuesSql('t', 'year'))).toEqual(db.prepare('SELECT DISTINCT year FROM t WHERE year IS NOT NULL ORDER BY year').pluck().all());
    expect(values(distinctValuesSql('t', 'year', 'DESC'))).toEqual([2024, 2023, 2022, 2021, 2020]);
    expect(values(distinctValuesSql('t', 'who'))).toEqual(db.prepare('SELECT DISTINCT who FROM t WHERE who IS NOT NULL ORDER BY who').pluck().all());
  });

  it('gives nothing for an empty table', () => {
    db.exec('CREATE TABLE empty (year INTEGER); CREATE INDEX empty_year ON empty (year)');
    expect(db.prepare(distinctValuesSql('empty', 'year')).all()).toEqual([]);
  });

  it('seeks the index instead of scanning the table', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${distinctValuesSql('t', 'year')}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(plan).toContain('USING COVERING INDEX t_year (year>?)');
    expect(plan).not.toMatch(/SCAN t\b/);
  });

  it('seeks an index made only of the rows that have a value, from the first value on', () => {
    db.exec('CREATE TABLE partial (id INTEGER PRIMARY KEY, who TEXT, note TEXT); CREATE INDEX partial_who ON partial (who) WHERE who IS NOT NULL');
    const insert = db.prepare('INSERT INTO partial (who, note) VALUES (?, ?)');
    for (let index = 0; index < 2000; index += 1) insert.run(index % 2 === 0 ? null : ['王五', '赵六'][index % 4 === 1 ? 0 : 1], 'x'.repeat(50));
    expect(db.prepare(distinctValuesSql('partial', 'who')).pluck().all()).toEqual(['王五', '赵六']);
    const steps = (db.prepare(`EXPLAIN QUERY PLAN ${distinctValuesSql('partial', 'who')}`).all() as { detail: string }[]).map((row) => row.detail);
    const reads = steps.filter((step) => /^(SEARCH|SCAN) (partial|t)\b/.test(step));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const read of reads) expect(read).toContain('USING COVERING INDEX partial_who');
  });
});
