/**
 * Benchmark harness: every figure is measured beside a baseline in the same run and reported
 * as a ratio, with the size of the work and its goal. Figures are printed and written to
 * bench-results/; a figure that misses its goal fails its bench (after every figure of the file
 * was measured and written), so `npm run bench` exits non-zero.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export interface Goal {
  /** What the figure must reach, in words, e.g. "≥ 200,000/s" or "≤ 1.5× baseline". */
  text: string;
  met: boolean;
}

export interface Figure {
  name: string;
  /** What was done, e.g. "100,000 assessments". */
  size: string;
  /** Seconds the measured code took (median of the runs). */
  seconds: number;
  /** Seconds the baseline took on the same work (median). */
  baselineSeconds: number;
  baseline: string;
  /** Throughput of the measured code, with its unit. */
  rate?: { value: number; unit: string };
  goal: Goal;
}

const figures: Figure[] = [];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `work` `runs` times (after one warm-up) and returns the median seconds. */
export async function timeIt(work: () => unknown, runs = 5): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(samples);
}

/** Seconds since `start` (a process.hrtime.bigint()). */
export function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Goal: at most `limit` × the baseline. */
export function withinRatio(seconds: number, baselineSeconds: number, limit: number): Goal {
  return { text: `≤ ${limit}× baseline`, met: seconds <= limit * baselineSeconds };
}

/** Goal: at most `limit` seconds, said in ms below a second. */
export function withinSeconds(seconds: number, limit: number): Goal {
  return { text: limit < 1 ? `≤ ${Math.round(limit * 1000)} ms` : `≤ ${limit} s`, met: seconds <= limit };
}

/** No goal: a figure shown beside another, to explain it (it never fails the bench). */
export function forInformation(): Goal {
  return { text: 'none: shown for information', met: true };
}

/** Goal: every one of `goals` (e.g. a rate and a size). */
export function allOf(...goals: Goal[]): Goal {
  return { text: goals.map((goal) => goal.text).join(' and '), met: goals.every((goal) => goal.met) };
}

function describe(figure: Figure): string {
  const ratio = figure.seconds / figure.baselineSeconds;
  const rate = figure.rate ? `, ${Math.round(figure.rate.value).toLocaleString('en-US')} ${figure.rate.unit}` : '';
  return `${figure.name} (${figure.size}): ${(figure.seconds * 1000).toFixed(1)} ms${rate}; baseline ${figure.baseline} ${(figure.baselineSeconds * 1000).toFixed(1)} ms; ratio ${ratio.toFixed(2)}×`;
}

/** Why a figure fails, or null when it meets its goal (and its numbers are numbers). */
export function goalProblem(figure: Figure): string | null {
  if (!Number.isFinite(figure.seconds) || !Number.isFinite(figure.baselineSeconds) || figure.seconds < 0 || figure.baselineSeconds <= 0) {
    return `${figure.name}: not a measurement (${figure.seconds} s against a baseline of ${figure.baselineSeconds} s)`;
  }
  return figure.goal.met ? null : `goal missed: ${describe(figure)} [goal ${figure.goal.text}]`;
}

/**
 * Keeps and prints the figure, and fails the running bench when it misses its goal; the bench
 * goes on measuring its other figures, so every one of them is written.
 */
export function record(figure: Figure): void {
  figures.push(figure);
  console.log(`BENCH ${describe(figure)} [goal ${figure.goal.text}: ${figure.goal.met ? 'met' : 'NOT met'}]`);
  expect.soft(goalProblem(figure)).toBeNull();
}

/** Writes this file's figures for the run's summary (called in afterAll of each bench file). */
export function writeFigures(partName: string): void {
  const dir = path.resolve('bench-results', 'parts');
  fs.mkdirSync(dir, { recursive: true });
  const rows = figures.map((figure) => ({ ...figure, ratio: figure.seconds / figure.baselineSeconds }));
  fs.writeFileSync(path.join(dir, `${partName}.json`), `${JSON.stringify(rows, null, 2)}\n`);
}
