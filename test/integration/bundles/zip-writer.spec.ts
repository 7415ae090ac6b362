// A killed export leaves its partial bundle under a temporary name; the next write to the same
// file removes it, but never a file of a write still running, nor anything else in the folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../electron/main/bundles/zip-writer';
import { tempDir } from '../../helpers/temp';

describe('writing a bundle file', () => {
  it('removes the partial file a killed write to the same name left, and nothing else', async () => {
    const folder = tempDir();
    const target = path.join(folder, 'week-48.dxb');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftovers = {
      killed: `week-48.dxb.${gone}.1764582000000.tmp`,
      running: `week-48.dxb.${process.pid}.1764582000000.tmp`,
      otherBundle: `week-47.dxb.${gone}.1764582000000.tmp`,
      notOurs: 'week-48.dxb.notes.tmp',
    };
    for (const name of Object.values(leftovers)) fs.writeFileSync(path.join(folder, name), 'PK partial');
    await writeZip(target, [{ name: 'records/units.jsonl', bytes: Buffer.from('{}\n'), compress: true }]);
    expect(fs.readdirSync(folder).sort()).toEqual(['week-48.dxb', leftovers.running, leftovers.otherBundle, leftovers.notOurs].sort());
  });
});
