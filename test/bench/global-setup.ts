// Collects the figures every bench file wrote and prints one table at the end of the run: each
// figure with its baseline and goal, and the goals missed (those benches failed the run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = path.resolve('bench-results', 'parts');

interface WrittenFigure {
  name: string;
  seconds: number;
  baselineSeconds: number;
  ratio: number;
  goal: { text: string; met: boolean };
}

export function setup(): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

export function teardown(): void {
  const figures = fs.existsSync(dir)
    ? fs.readdirSync(dir).flatMap((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WrittenFigure[])
    : [];
  const missed = figures.filter((figure) => !figure.goal.met);
  const document = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, goalsMet: missed.length === 0, figures };
  fs.writeFileSync(path.resolve('bench-results', 'latest.json'), `${JSON.stringify(document, null, 2)}\n`);
  console.log(`\n${figures.length} benchmark figures written to bench-results/latest.json`);
  for (const figure of figures) {
    console.log(`  ${figure.goal.met ? 'met    ' : 'MISSED '} ${figure.name}: ${(figure.seconds * 1000).toFixed(1)} ms, ${figure.ratio.toFixed(2)}× baseline [goal ${figure.goal.text}]`);
  }
  if (missed.length > 0) console.log(`${missed.length} goal${missed.length === 1 ? '' : 's'} missed: ${missed.map((figure) => figure.name).join(', ')}`);
}
