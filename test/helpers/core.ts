// Opens a real core on a temporary database file (inline jobs unless a test asks for the worker), closed after
// each test file (test/setup/after-each-file.ts).
import { openCore } from '../../electron/main/host/core';
import type { Core, CoreOptions } from '../../electron/main/host/core';
import { tempDbFile } from './temp';

const opened: Core[] = [];

export async function testCore(options: Partial<CoreOptions> = {}): Promise<Core> {
  const core = await openCore({ dbFile: tempDbFile(), jobMode: 'inline', ...options });
  opened.push(core);
  return core;
}

export function closeTestCores(): void {
  for (const core of opened.splice(0)) core.close();
}
