// One progress bar for a units import: it moves through reading, checking and writing instead of sitting at 0% until done.
import { describe, expect, it } from 'vitest';
import { importUnitsFile } from '../../../electron/main/units-import/import-units';
import { testCore } from '../../helpers/core';
import { contextOf } from '../../helpers/context';

function csv(rows: number): Uint8Array {
  const lines = ['名称,类型,行业,区'];
  for (let index = 0; index < rows; index += 1) lines.push(`测试单位${index},企业,,江岸区`);
  return new TextEncoder().encode(lines.join('\n'));
}

async function progressOf(preview: boolean, rows: number): Promise<number[]> {
  const core = await testCore();
  const seen: number[] = [];
  await importUnitsFile(contextOf(core), { fileName: 'units.csv', bytes: csv(rows), preview, progress: (done, total) => seen.push(done / total) });
  return seen;
}

describe('units import progress', () => {
  it('reports the check of a large file as it goes, and only ever forward', async () => {
    const seen = await progressOf(true, 10_000);
    const during = seen.filter((fraction) => fraction > 0 && fraction < 1);
    expect(during.length).toBeGreaterThanOrEqual(4);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it('runs one bar from reading to the last row written', async () => {
    const seen = await progressOf(false, 6_000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.filter((fraction) => fraction > 0.2 && fraction < 0.5).length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(1);
  });
});
