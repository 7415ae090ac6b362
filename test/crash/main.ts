/** `npm run crash -- --kills N [--seed S] [--dir D] [--verbose]`: the long crash campaign; exit 1 when anything failed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashCampaign } from './campaign';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '300' }, seed: { type: 'string' }, dir: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const kills = Number(values.kills);
const seed = values.seed === undefined ? Date.now() % 100000 : Number(values.seed);
const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-crash-'));
const began = Date.now();
console.log(`crash campaign: ${kills} kills, seed ${seed}, in ${dir}`);
const report = await runCrashCampaign({ dir, kills, seed, log: values.verbose ? (line) => console.log(line) : undefined });
console.log(JSON.stringify({ seed, seconds: Math.round((Date.now() - began) / 1000), ...report }, null, 2));
if (report.failures.length === 0 && values.dir === undefined) fs.rmSync(dir, { recursive: true, force: true });
process.exit(report.failures.length === 0 ? 0 : 1);
