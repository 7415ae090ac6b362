// `dingxing units list | head -1` (and rescore, rubric show): a reader that goes away ends the command quietly, exit 0.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDbFile } from '../helpers/temp';

/** Runs the built command through a shell pipe into `head -1`, as a person would; returns the command's own exit code and stderr. */
function pipedToHead(args: string[]): { code: number; stderr: string; firstLine: string } {
  const quoted = args.map((arg) => `'${arg}'`).join(' ');
  const result = spawnSync('bash', ['-c', `set -o pipefail; node bin/dingxing.mjs ${quoted} 2>stderr.txt | head -1; code=$?; cat stderr.txt >&2; rm -f stderr.txt; exit $code`], { encoding: 'utf8', cwd: process.cwd() });
  return { code: result.status ?? -1, stderr: result.stderr, firstLine: result.stdout.trim() };
}

describe('a closed stdout', () => {
  it('ends units list, rubric show and rescore quietly with exit 0', { timeout: 60_000 }, async () => {
    const dbFile = tempDbFile();
    expect(spawnSync('node', ['bin/dingxing.mjs', 'demo', '--units', '300', '--db', dbFile]).status).toBe(0);
    for (const args of [['units', 'list'], ['rubric', 'show', 'wuhan-star@2026.1'], ['rescore', '--rubric', 'wuhan-star@2026.1', '--cycle', '2025']]) {
      const run = pipedToHead([...args, '--db', dbFile]);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(run.firstLine).not.toBe('');
    }
  });

  it('ends quietly even when the reader is gone before the first line', async () => {
    const child = spawn('node', ['bin/dingxing.mjs', 'rubric', 'show', 'wuhan-star@2026.1', '--db', tempDbFile()]);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
