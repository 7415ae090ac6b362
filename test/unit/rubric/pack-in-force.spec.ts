// Which star pack a new assessment of a cycle uses when it names none: the highest inForceFrom
// not after the cycle, else the shipped default; a pack without inForceFrom only when named.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations';
import { defaultPacks } from '../../../electron/main/rubric/default-packs';
import { packInForce } from '../../../electron/main/rubric/pack-in-force';
import { addPack } from '../../../electron/main/rubric/pack-store';

const packAddedAt = new Date('2026-11-30T09:00:00+08:00');
const version = (name: string, changes: Record<string, unknown>) => ({ ...(structuredClone(defaultPacks[0]) as Record<string, unknown>), version: name, ...changes });

describe('the pack in force for a cycle', () => {
  it('is the newest inForceFrom not after the cycle, else the shipped default', () => {
    const db = new BetterSqlite3(':memory:');
    applyMigrations(db, migrations, 0);
    for (const pack of defaultPacks) addPack(db, pack, 'default', 'ws', packAddedAt);
    expect(packInForce(db, 2027)).toBe('wuhan-star@2026.1');
    addPack(db, version('2027.1', { inForceFrom: 2027 }), 'bundle', 'city', packAddedAt);
    addPack(db, version('2029.1', { inForceFrom: 2029 }), 'bundle', 'city', packAddedAt);
    addPack(db, version('draft', {}), 'import', 'ws', packAddedAt);
    expect(packInForce(db, 2026)).toBe('wuhan-star@2026.1');
    expect(packInForce(db, 2027)).toBe('wuhan-star@2027.1');
    expect(packInForce(db, 2028)).toBe('wuhan-star@2027.1');
    expect(packInForce(db, 2030)).toBe('wuhan-star@2029.1');
    // Two versions for the same cycle: the one added last.
    addPack(db, version('2029.2', { inForceFrom: 2029 }), 'bundle', 'city', packAddedAt);
    expect(packInForce(db, 2029)).toBe('wuhan-star@2029.2');
  });

  it('refuses an inForceFrom that is not a year', () => {
    const db = new BetterSqlite3(':memory:');
    applyMigrations(db, migrations, 0);
    expect(() => addPack(db, version('bad', { inForceFrom: 'next year' }), 'import', 'ws', packAddedAt)).toThrow(/not valid/);
  });
});
