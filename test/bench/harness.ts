/**
 * Benchmark harness: every figure is measured beside a baseline in the same run and reported
 * as a ratio, with the size of the work. Figures are printed and written to bench-results/.
 */
import fs from 'node:fs';
import path from 'node:path';

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
  /** The goal, e.g. "≥ 200,000/s and ≤ 3× baseline", and whether it was met. */
  goal?: { text: string; met: boolean };
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

export function record(figure: Figure): void {
  figures.push(figure);
  const ratio = figure.seconds / figure.baselineSeconds;
  const rate = figure.rate ? `, ${Math.round(figure.rate.value).toLocaleString('en-US')} ${figure.rate.unit}` : '';
  const goal = figure.goal ? ` [goal ${figure.goal.text}: ${figure.goal.met ? 'met' : 'NOT met'}]` : '';
  console.log(
    `BENCH ${figure.name} (${figure.size}): ${(figure.seconds * 1000).toFixed(1)} ms${rate}; baseline ${figure.baseline} ${(figure.baselineSeconds * 1000).toFixed(1)} ms; ratio ${ratio.toFixed(2)}×${goal}`,
  );
}

/** Records the figure and fails the bench when its goal was missed, naming the figure and the goal. */
export function recordGoal(figure: Figure & { goal: { text: string; met: boolean } }): void {
  record(figure);
  if (!figure.goal.met) throw new Error(`${figure.name} (${figure.size}): ${(figure.seconds * 1000).toFixed(1)} ms, baseline ${(figure.baselineSeconds * 1000).toFixed(1)} ms: goal ${figure.goal.text} missed`);
}

/** Writes this file's figures for the run's summary (called in afterAll of each bench file). */
export function writeFigures(partName: string): void {
  const dir = path.resolve('bench-results', 'parts');
  fs.mkdirSync(dir, { recursive: true });
  const rows = figures.map((figure) => ({ ...figure, ratio: figure.seconds / figure.baselineSeconds }));
  fs.writeFileSync(path.join(dir, `${partName}.json`), `${JSON.stringify(rows, null, 2)}\n`);
}
