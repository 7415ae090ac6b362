// Each table's rows are written by one module: a rule about what a row may hold has one home.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const owners: Record<string, string> = {
  units: 'electron/main/units/unit-store.ts',
  streets: 'electron/main/units/unit-store.ts',
};

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)));
}

describe('one module writes each table', () => {
  it.each(Object.entries(owners))('only %s’s store writes it', (table, owner) => {
    const writes = new RegExp(`\\b(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+${table}\\b`, 'i');
    const writers = sources('electron/main').filter((file) => !file.includes(`${path.sep}migrations${path.sep}`) && writes.test(fs.readFileSync(file, 'utf8')));
    expect(writers).toEqual([owner]);
  });
});
