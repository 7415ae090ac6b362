/** `npm run fuzz -- --runs N [--seed S] [--dir D]`: the long fuzz campaign, N cases per input; exit 1 when anything failed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzzCampaign } from './campaign';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string' }, dir: { type: 'string' } } });
const seed = values.seed === undefined ? Date.now() % 100000 : Number(values.seed);
const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-fuzz-'));
const began = Date.now();
console.log(`fuzz campaign: ${values.runs} cases per input, seed ${seed}, in ${dir}`);
const report = await runFuzzCampaign({ dir, runs: Number(values.runs), seed, log: (line) => console.log(line) });
console.log(JSON.stringify({ seconds: Math.round((Date.now() - began) / 1000), ...report, failures: report.failures.slice(0, 50), failureCount: report.failures.length }, null, 2));
if (report.failures.length === 0 && values.dir === undefined) fs.rmSync(dir, { recursive: true, force: true });
process.exit(report.failures.length === 0 ? 0 : 1);
