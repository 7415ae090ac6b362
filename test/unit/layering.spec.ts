// The layering of docs/architecture.md is enforced by lint: these imports must be refused.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'dingxing/layering').map((message) => message.message);
}

/** What the one-clock rule says about a file: the core reads the machine's clock only in platform/platform.ts. */
async function clockErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

describe('one clock lint', () => {
  it('refuses reading the machine’s clock anywhere in the core but the platform', async () => {
    for (const read of ['new Date()', 'Date.now()', 'performance.now()']) {
      expect(await clockErrors('electron/main/cli/text/fixture.ts', `export const x = ${read};\n`), read).toHaveLength(1);
      expect(await clockErrors('shared/domain/fixture.ts', `export const x = ${read};\n`), read).toHaveLength(1);
    }
    expect(await clockErrors('electron/main/platform/platform.ts', 'export const x = [new Date(), Date.now(), performance.now()];\n')).toEqual([]);
  });

  it('lets a date be made from a value', async () => {
    expect(await clockErrors('electron/main/units/fixture.ts', "export const x = new Date('2026-12-01T10:00:00+08:00');\n")).toEqual([]);
  });
});

describe('layering lint', () => {
  it('refuses an electron import in a core module', async () => {
    const errors = await layeringErrors('electron/main/scoring/fixture.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(errors).toEqual([expect.stringContaining('The core runs in plain Node')]);
  });

  it('allows electron in the Electron entry and desktop wiring', async () => {
    expect(await layeringErrors('electron/main/index.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await layeringErrors('electron/main/desktop/fixture.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  it('refuses Node modules and outside folders in shared/', async () => {
    expect(await layeringErrors('shared/domain/fixture.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await layeringErrors('shared/domain/fixture.ts', "import { x } from '../../electron/main/host/core';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('refuses Node, electron and core imports in the renderer', async () => {
    expect(await layeringErrors('renderer/src/fixture.ts', "import path from 'path';\nexport const x = path;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/fixture.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/fixture.ts', "import { openCore } from '../../electron/main/host/core';\nexport const x = openCore;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/fixture.ts', "import BetterSqlite3 from 'better-sqlite3';\nexport const x = BetterSqlite3;\n")).toHaveLength(1);
  });

  it('allows deep imports that stay inside shared/', async () => {
    expect(await layeringErrors('shared/api/procedures/fixture.ts', "import { x } from '../../rubric/label';\nexport const y = x;\n")).toEqual([]);
  });

  it('refuses the preload reaching into the core by a relative path', async () => {
    expect(await layeringErrors('electron/preload/fixture.ts', "import { openCore } from '../main/core';\nexport const x = openCore;\n")).toHaveLength(1);
  });

  it('refuses the core reaching into the renderer', async () => {
    expect(await layeringErrors('electron/main/units/fixture.ts', "import { api } from '../../../renderer/src/api/index';\nexport const x = api;\n")).toHaveLength(1);
  });

  it('refuses Node modules in the sandboxed preload', async () => {
    expect(await layeringErrors('electron/preload/fixture.ts', "import fs from 'fs';\nexport const x = fs;\n")).toHaveLength(1);
  });

  it('keeps the command line a door: the contract and the core host, never a core module', async () => {
    expect(await layeringErrors('electron/main/cli/commands/fixture.ts', "import { listUnits } from '../../units/unit-queries';\nexport const x = listUnits;\n")).toEqual([expect.stringContaining('the command line may not import electron/main/units/unit-queries')]);
    expect(await layeringErrors('electron/main/cli/commands/fixture.ts', "import { x } from '../../api/core-services';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layeringErrors('electron/main/cli/commands/fixture.ts', "import { hostCore } from '../../host/core-host';\nimport { procedures } from '@shared/api/contract';\nimport { callCore } from '../call-core';\nexport const x = [hostCore, procedures, callCore];\n")).toEqual([]);
  });

  it('refuses an import of a core folder listed after the importing one (build/eslint/core-layers.js)', async () => {
    expect(await layeringErrors('electron/main/db/fixture.ts', "import { recordSigned } from '../assessments/workflow';\nexport const x = recordSigned;\n")).toEqual([
      expect.stringContaining('electron/main/db/ (foundation) may not import electron/main/assessments/workflow: electron/main/assessments/ (features) comes after it'),
    ]);
    // In one layer too: units come before assessments, whose star history writes a unit's stars.
    expect(await layeringErrors('electron/main/units/fixture.ts', "import type { HistoryEntry } from '../assessments/history-rules';\nexport type X = HistoryEntry;\n")).toEqual([expect.stringContaining('electron/main/units/ (features) may not import')]);
    expect(await layeringErrors('electron/main/jobs/fixture.ts', "export const load = () => import('../host/core');\n")).toEqual([expect.stringContaining('electron/main/host/ (doors) comes after it')]);
  });

  it('lets a core folder import itself and the folders before it', async () => {
    expect(await layeringErrors('electron/main/assessments/fixture.ts', "import { prepared } from '../db/statements';\nimport { insertUnit } from '../units/unit-store';\nimport { getAssessment } from './workflow';\nexport const x = [prepared, insertUnit, getAssessment];\n")).toEqual([]);
  });

  it('names a core folder that is in no layer', async () => {
    expect(await layeringErrors('electron/main/gadgets/fixture.ts', 'export const x = 1;\n')).toEqual([expect.stringContaining('electron/main/gadgets/ is in no layer of the core')]);
  });
});
