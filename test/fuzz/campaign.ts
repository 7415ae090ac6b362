/**
 * The fuzz campaign: for every external input, `runs` damaged or made-up cases drawn by
 * fast-check from a seed (so a failure can be drawn again), each fed to the workstation and judged
 * (see the targets). Failures are collected, not shrunk, so one run shows every kind found.
 */
import fc from 'fast-check';
import type { FuzzTarget } from './target';
import { makeFuzzWorld } from './world';
import { cliFileTargets } from './targets/cli-files';
import { serveHttp, stopServe } from './targets/serve-http';

export const allTargets: FuzzTarget<never>[] = [...cliFileTargets, serveHttp] as FuzzTarget<never>[];

export interface FuzzReport {
  seed: number;
  cases: Record<string, number>;
  failures: { target: string; index: number; problems: string[]; input: string }[];
}

export interface FuzzOptions {
  dir: string;
  runs: number;
  seed: number;
  targets?: FuzzTarget<never>[];
  log?: (line: string) => void;
}

function describeInput(value: unknown): string {
  if (Buffer.isBuffer(value)) return `${value.length} bytes: ${value.subarray(0, 120).toString('latin1')}`;
  return JSON.stringify(value, (_key, field: unknown) => (Buffer.isBuffer(field) ? field.toString('latin1').slice(0, 120) : field))?.slice(0, 400) ?? String(value);
}

export async function runFuzzCampaign(options: FuzzOptions): Promise<FuzzReport> {
  const world = await makeFuzzWorld(options.dir);
  const report: FuzzReport = { seed: options.seed, cases: {}, failures: [] };
  try {
    for (const [targetIndex, target] of (options.targets ?? allTargets).entries()) {
      const cases = fc.sample(target.cases(world), { numRuns: options.runs, seed: options.seed + targetIndex });
      report.cases[target.name] = 0;
      for (const [index, value] of cases.entries()) {
        let problems: string[];
        try {
          problems = await target.check(world, value);
        } catch (error) {
          problems = [`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
        }
        report.cases[target.name] = (report.cases[target.name] ?? 0) + 1;
        if (problems.length > 0) {
          report.failures.push({ target: target.name, index, problems, input: describeInput(value) });
          options.log?.(`${target.name} #${index}: ${problems.join(' | ')}`);
        }
      }
      options.log?.(`${target.name}: ${report.cases[target.name]} cases`);
    }
  } finally {
    await stopServe();
  }
  return report;
}
