// `npm run serve` and `npm start` build only what changed since the last complete build: a part is
// rebuilt when any input's content (a source, a config, a lockfile) changed, appeared or went, or
// when an output was removed or rewritten; a build that failed or was killed is never current.
// Driven on a small project of its own, whose "build" copies its sources and counts its runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildParts, parts } from '../../../build/build.mjs';
import type { BuildPart } from '../../../build/build.mjs';
import { tempDir } from '../../helpers/temp';

let root = '';
let said: string[] = [];

// The build: copies src/ into out/ and counts its runs; FAIL_AFTER_WRITE makes it stop half-way
// (exit 1) and KILL_AFTER_WRITE kill itself, each after writing part of its output.
const buildScript = `
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
fs.mkdirSync('out', { recursive: true });
fs.appendFileSync('runs.log', 'run\\n');
const files = fs.readdirSync('src').sort();
fs.writeFileSync('out/' + files[0], fs.readFileSync('src/' + files[0]));
if (fs.existsSync('FAIL_AFTER_WRITE')) process.exit(1);
if (fs.existsSync('KILL_AFTER_WRITE')) process.kill(process.pid, 'SIGKILL');
for (const file of files) fs.writeFileSync('out/' + file, fs.readFileSync('src/' + file));
`;

function part(): BuildPart {
  return { name: 'demo', inputs: ['src', 'config.json', 'package-lock.json'], outputs: ['out'], stamp: 'out/.stamp-demo.json', command: [path.join(root, 'build.mjs')] };
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

/** Runs the check-and-build as `npm run serve` does; returns how many times the build ran. */
function serve(): { code: number; builds: number } {
  const before = runs();
  const code = buildParts({ root, parts: { demo: part() }, names: ['demo'], ifChanged: true, say: (line) => said.push(line) });
  return { code, builds: runs() - before };
}

function runs(): number {
  const log = path.join(root, 'runs.log');
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
}

beforeEach(() => {
  root = tempDir('dingxing-build-');
  said = [];
  write('build.mjs', buildScript);
  write('src/a.ts', 'export const a = 1;\n');
  write('src/b.ts', 'export const b = 2;\n');
  write('config.json', '{}\n');
  write('package-lock.json', '{"lockfileVersion":3}\n');
  expect(serve()).toEqual({ code: 0, builds: 1 });
});

describe('building only when a source changed', () => {
  it('builds once, then leaves a current build alone and says so', () => {
    expect(said[0]).toMatch(/building demo: never built/);
    expect(serve()).toEqual({ code: 0, builds: 0 });
    expect(said.at(-1)).toBe('build: demo is up to date with its sources');
  });

  it('builds again when a source, a config or the lockfile changes, naming the file', () => {
    for (const file of ['src/a.ts', 'config.json', 'package-lock.json']) {
      write(file, `${fs.readFileSync(path.join(root, file), 'utf8')} `);
      expect(serve()).toEqual({ code: 0, builds: 1 });
      expect(said.at(-1)).toBe(`build: building demo: ${file} changed`);
    }
  });

  it('builds again when a source is added or removed', () => {
    write('src/c.ts', 'export const c = 3;\n');
    expect(serve().builds).toBe(1);
    expect(said.at(-1)).toMatch(/src\/c\.ts is new/);
    fs.rmSync(path.join(root, 'src/b.ts'));
    expect(serve().builds).toBe(1);
    expect(said.at(-1)).toMatch(/src\/b\.ts was removed/);
  });

  it('does not build for a file saved unchanged (its time changed, not its content)', () => {
    const file = path.join(root, 'src/a.ts');
    fs.utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    expect(serve().builds).toBe(0);
  });

  it('builds again when an output was removed or rewritten after the build', () => {
    fs.rmSync(path.join(root, 'out/a.ts'));
    expect(serve().builds).toBe(1);
    expect(said.at(-1)).toMatch(/out\/a\.ts is missing/);
    fs.appendFileSync(path.join(root, 'out/b.ts'), '// edited by hand\n');
    expect(serve().builds).toBe(1);
    expect(said.at(-1)).toMatch(/out\/b\.ts was rewritten since the build/);
  });

  it('never takes a half-written build as current: one that failed or was killed is built again', () => {
    for (const marker of ['FAIL_AFTER_WRITE', 'KILL_AFTER_WRITE']) {
      write('src/a.ts', `export const a = '${marker}';\n`);
      write(marker, '');
      expect(serve()).toMatchObject({ builds: 1 });
      expect(fs.existsSync(path.join(root, 'out/.stamp-demo.json'))).toBe(false);
      fs.rmSync(path.join(root, marker));
      // Nothing changed since the broken build, and still it builds.
      expect(serve()).toEqual({ code: 0, builds: 1 });
      expect(serve()).toEqual({ code: 0, builds: 0 });
    }
  });

  it('keeps the inputs as they were when the build started: a file saved during the build is built next time', () => {
    write('build.mjs', `${buildScript}\nfs.writeFileSync('src/a.ts', 'export const a = "saved while building";\\n');\n`);
    write('src/b.ts', 'export const b = 3;\n');
    expect(serve().builds).toBe(1);
    write('build.mjs', buildScript);
    expect(serve().builds).toBe(1);
    expect(said.at(-1)).toMatch(/src\/a\.ts changed/);
  });
});

describe('an installed app', () => {
  it('never builds: dist/ without the sources beside it is taken as it is', () => {
    const installed = tempDir('dingxing-installed-');
    for (const file of ['build/build.mjs', 'build/build-stamp.mjs']) {
      fs.mkdirSync(path.dirname(path.join(installed, file)), { recursive: true });
      fs.copyFileSync(file, path.join(installed, file));
    }
    fs.mkdirSync(path.join(installed, 'dist'));
    fs.writeFileSync(path.join(installed, 'dist/cli.mjs'), '');
    const run = spawnSync(process.execPath, [path.join(installed, 'build/build.mjs'), '--if-changed'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('build: an installed app (no sources here): nothing to build\n');
    expect(fs.readdirSync(path.join(installed, 'dist'))).toEqual(['cli.mjs']);
  });
});

describe("the app's own parts", () => {
  const covered = (part: BuildPart, file: string) => part.inputs.some((input) => file === input || file.startsWith(`${input}/`));

  it('take as inputs every project file the Node bundles are made from', async () => {
    const result = await esbuild({
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      tsconfig: 'tsconfig.json',
      write: false,
      metafile: true,
      logLevel: 'silent',
      outdir: 'out',
      splitting: true,
      define: { __DINGXING_VERSION__: '"test"' },
      entryPoints: ['electron/main/cli.ts', 'electron/main/jobs/worker-entry.ts', 'electron/main/index.ts', 'electron/preload/index.ts'],
      external: ['electron'],
    });
    const sources = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((file) => !covered(parts.node, file))).toEqual([]);
  });

  it('take as inputs the renderer, what its imports alias to, and the configs that build them', async () => {
    const config = (await import('../../../vite.config')).default as { root: string; resolve: { alias: Record<string, string> } };
    const relative = (folder: string) => path.relative(process.cwd(), folder).split(path.sep).join('/');
    for (const folder of [config.root, ...Object.values(config.resolve.alias)]) expect(covered(parts.renderer, relative(folder))).toBe(true);
    for (const file of ['vite.config.ts', 'package-lock.json', 'node_modules/.package-lock.json']) expect(covered(parts.renderer, file)).toBe(true);
    for (const file of ['build/build-node.mjs', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json']) expect(covered(parts.node, file)).toBe(true);
  });
});
