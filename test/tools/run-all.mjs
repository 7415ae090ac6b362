// `npm test`: every check and every test, as fast as this machine allows, and how long each part took.
// The checks that only read the sources (lint, the three type checks) run side by side with the build,
// since each keeps one core busy at most; then the core's specs, then the end-to-end specs, which need
// the build. A failing part stops the run with its output and exit code; the others' output is shown
// whole when each ends, never interleaved.
//   node test/tools/run-all.mjs            everything
//   node test/tools/run-all.mjs --no-e2e   everything but the browser
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** @typedef {{ name: string, command: string, args: string[] }} Part */

/** @type {Part[]} Run side by side. */
const checks = [
  { name: 'lint', command: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'typecheck core', command: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck e2e', command: bin('tsc'), args: ['-p', 'tsconfig.e2e.json', '--noEmit'] },
  { name: 'typecheck renderer', command: bin('vue-tsc'), args: ['-p', 'tsconfig.renderer.json', '--noEmit'] },
  { name: 'build', command: process.execPath, args: ['build/build.mjs'] },
];

/** @type {Part[]} Run one after the other, each with the terminal to itself. */
const suites = [
  { name: 'core specs', command: bin('vitest'), args: ['run'] },
  ...(process.argv.includes('--no-e2e') ? [] : [{ name: 'e2e specs', command: bin('vitest'), args: ['run', '--config', 'test/e2e/vitest.config.ts'] }]),
];

/** @type {{ name: string, seconds: number }[]} */
const times = [];

/** Runs a part; `quiet` keeps its output until it ends, so that parts side by side do not mix theirs. */
function run(part, quiet) {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - startedAt) / 1000;
      times.push({ name: part.name, seconds });
      if (quiet) process.stdout.write(`\n── ${part.name} (${seconds.toFixed(0)} s) ──\n${output}`);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function report(failed) {
  const width = Math.max(...times.map((time) => time.name.length));
  console.log(`\nnpm test: ${failed ? `FAILED in ${failed}` : 'passed'}`);
  for (const time of times) console.log(`  ${time.name.padEnd(width)}  ${time.seconds.toFixed(0).padStart(4)} s`);
  console.log(`  ${'total'.padEnd(width)}  ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`);
}

const startedAt = performance.now();
const checkCodes = await Promise.all(checks.map((part) => run(part, true)));
const failedCheck = checks.find((_, index) => checkCodes[index] !== 0);
if (failedCheck) {
  report(failedCheck.name);
  process.exit(1);
}
for (const part of suites) {
  const code = await run(part, false);
  if (code !== 0) {
    report(part.name);
    process.exit(code);
  }
}
report(null);
