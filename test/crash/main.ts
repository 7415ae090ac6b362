/**
 * `npm run crash -- --kills N [--seed S] [--dir D] [--only 'bundle export,bundle import'] [--verbose]`:
 * the long crash campaign (`--only`: some scenarios, by name); exit 1 when anything failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allScenarios, runCrashCampaign } from './campaign';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '300' }, seed: { type: 'string' }, dir: { type: 'string' }, verbose: { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = values.only?.split(',').map((name) => name.trim());
const scenarios = only === undefined ? allScenarios : allScenarios.filter((scenario) => only.includes(scenario.name));
if (scenarios.length === 0) throw new Error(`no scenario named ${values.only}; the scenarios are: ${allScenarios.map((scenario) => scenario.name).join(', ')}`);
const kills = Number(values.kills);
const seed = values.seed === undefined ? Date.now() % 100000 : Number(values.seed);
const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-crash-'));
const began = Date.now();
console.log(`crash campaign: ${kills} kills, seed ${seed}, in ${dir}`);
const report = await runCrashCampaign({ dir, kills, seed, scenarios, log: values.verbose ? (line) => console.log(line) : undefined });
console.log(JSON.stringify({ seed, seconds: Math.round((Date.now() - began) / 1000), ...report }, null, 2));
if (report.failures.length === 0 && values.dir === undefined) fs.rmSync(dir, { recursive: true, force: true });
process.exit(report.failures.length === 0 ? 0 : 1);
