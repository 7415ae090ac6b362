// How soon `dingxing` answers, as whole processes beside bare `node -e 0` in the same run: a
// command loads only what it needs (no PDF, spreadsheet or chart code to list units), opens a
// current database without migration work, and runs no scans on start. Runs the built CLI
// (dist/, `npm run build:node`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { median, recordGoal, writeFigures } from './harness';
import { cityFixture, cityUnits } from './city-fixture';
import { tempDir } from '../helpers/temp';

const bin = path.resolve('bin/dingxing.mjs');
const runs = 9;
const passphrase = 'cli start bench passphrase';
let small: string;
let qr: string;
let nodeSeconds: number;

/** Median seconds of `runs` runs of `node args…` after one warm-up; each must exit 0. */
function timeProcess(args: string[], env: Record<string, string> = {}): number {
  const once = () => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return seconds;
  };
  once();
  return median(Array.from({ length: runs }, once));
}

beforeAll(() => {
  if (!fs.existsSync(path.resolve('dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run npm run build:node first');
  small = path.join(tempDir('dingxing-cli-start-'), 'small.sqlite');
  // With the passphrase the demo issues the newest cycle's certificates: one of them is verified.
  const env = { ...process.env, DINGXING_KEY_PASSPHRASE: passphrase };
  // Keys are made only on purpose (identity create); without them the demo issues no plaque.
  const keys = spawnSync(process.execPath, [bin, 'identity', 'create', '--db', small], { encoding: 'utf8', env });
  expect(keys.status, keys.stderr).toBe(0);
  const demo = spawnSync(process.execPath, [bin, 'demo', '--units', '60', '--db', small], { encoding: 'utf8', env });
  expect(demo.status, demo.stderr).toBe(0);
  const listed = spawnSync(process.execPath, [bin, 'certificate', 'list', '--json', '--db', small], { encoding: 'utf8', env });
  expect(listed.status, listed.stderr).toBe(0);
  const first = (JSON.parse(listed.stdout) as { qrPayload: string }[])[0];
  if (first === undefined) throw new Error('the demo issued no certificate to verify');
  qr = first.qrPayload;
  nodeSeconds = timeProcess(['-e', '0']);
}, 120_000);

afterAll(() => writeFigures('cli-start'));

it('answers --help within 0.3 s and 3× bare node', () => {
  const seconds = timeProcess([bin, '--help']);
  recordGoal({ name: 'dingxing --help', size: 'whole process', seconds, baselineSeconds: nodeSeconds, baseline: 'node -e 0', goal: { text: '≤ 0.3 s and ≤ 3× node -e 0', met: seconds <= 0.3 && seconds <= 3 * nodeSeconds } });
});

it('lists five units of a small database within 0.5 s', () => {
  const seconds = timeProcess([bin, 'units', 'list', '--limit', '5', '--db', small]);
  recordGoal({ name: 'dingxing units list --limit 5', size: '60 units, whole process', seconds, baselineSeconds: nodeSeconds, baseline: 'node -e 0', goal: { text: '≤ 0.5 s', met: seconds <= 0.5 } });
});

it('verifies a QR text within 0.5 s', () => {
  const seconds = timeProcess([bin, 'verify', '--qr', qr, '--db', small, '--json']);
  recordGoal({ name: 'dingxing verify --qr', size: 'one QR text, whole process', seconds, baselineSeconds: nodeSeconds, baseline: 'node -e 0', goal: { text: '≤ 0.5 s', met: seconds <= 0.5 } });
});

it('lists five units of the city office’s database within 0.8 s', async () => {
  const city = await cityFixture();
  const seconds = timeProcess([bin, 'units', 'list', '--limit', '5', '--db', city]);
  recordGoal({ name: 'dingxing units list --limit 5 (city)', size: `${cityUnits.toLocaleString('en-US')} units, whole process`, seconds, baselineSeconds: nodeSeconds, baseline: 'node -e 0', goal: { text: '≤ 0.8 s', met: seconds <= 0.8 } });
}, 1_200_000);
