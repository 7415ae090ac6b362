// Builds the app: the Node bundles (build-node.mjs) and the renderer (vite), each stamped when
// complete (build-stamp.mjs).
//   node build/build.mjs                 build both parts
//   node build/build.mjs --if-changed    build only a part whose sources, configs or lockfiles
//                                        changed since its last complete build (npm run serve, npm start)
//   node build/build.mjs --part node     one part only (node | renderer)
// An installed app (dist/ without the sources beside it) is never built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputHashes, removeStamp, staleReasons, writeStamp } from './build-stamp.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);

// What each build reads besides its sources: its own scripts, the TypeScript configs, the package
// manifest and both lockfiles (npm's record of what node_modules holds).
const common = ['build/build.mjs', 'build/build-stamp.mjs', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json', 'tsconfig.base.json'];

/** @type {Record<string, import('./build-stamp.mjs').Part & { command: string[] }>} */
export const parts = {
  node: {
    name: 'node',
    inputs: ['electron', 'shared', 'build/build-node.mjs', ...common],
    outputs: ['dist/cli.mjs', 'dist/cli.mjs.map', 'dist/jobs-worker.mjs', 'dist/jobs-worker.mjs.map', 'dist/jobs', 'dist-electron', 'build/fonts/NotoSansSC-Regular.ttf', 'build/fonts/NotoSansSC-Bold.ttf'],
    stamp: 'dist/.stamp-node.json',
    command: [path.join(root, 'build/build-node.mjs')],
  },
  renderer: {
    name: 'renderer',
    inputs: ['renderer', 'shared', 'vite.config.ts', 'tsconfig.renderer.json', ...common],
    outputs: ['dist/renderer'],
    stamp: 'dist/.stamp-renderer.json',
    // Looked up when it runs: an installed app has no vite.
    get command() {
      return [path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js'), 'build'];
    },
  },
};

/**
 * Builds the named parts (each stamped when complete); with `ifChanged`, only those whose inputs
 * or outputs differ from their stamp. Returns an exit code.
 */
export function buildParts({ root: folder, parts: known, names, ifChanged, say = (line) => process.stdout.write(`${line}\n`) }) {
  for (const name of names) {
    const part = known[name];
    const inputs = inputHashes(folder, part);
    if (ifChanged) {
      const reasons = staleReasons(folder, part, inputs);
      if (reasons.length === 0) {
        say(`build: ${name} is up to date with its sources`);
        continue;
      }
      say(`build: building ${name}: ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? `; and ${reasons.length - 3} more` : ''}`);
    }
    removeStamp(folder, part);
    const result = spawnSync(process.execPath, part.command, { cwd: folder, stdio: 'inherit' });
    if (result.status !== 0) {
      process.stderr.write(`build: the ${name} build failed\n`);
      return result.status ?? 1;
    }
    // The inputs as they were when the build started: a file saved meanwhile makes the next check build again.
    writeStamp(folder, part, inputs, new Date().toISOString());
  }
  return 0;
}

function main(argv) {
  const partIndex = argv.indexOf('--part');
  const names = partIndex >= 0 ? [argv[partIndex + 1]] : Object.keys(parts);
  for (const name of names) {
    if (!(name in parts)) {
      process.stderr.write(`build: unknown part ${name}; use node or renderer\n`);
      return 2;
    }
  }
  if (!fs.existsSync(path.join(root, 'electron', 'main'))) {
    if (fs.existsSync(path.join(root, 'dist', 'cli.mjs'))) {
      process.stdout.write('build: an installed app (no sources here): nothing to build\n');
      return 0;
    }
    process.stderr.write('build: neither the sources nor a built app are here\n');
    return 1;
  }
  return buildParts({ root, parts, names, ifChanged: argv.includes('--if-changed') });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
