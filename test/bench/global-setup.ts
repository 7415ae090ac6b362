// Collects the figures every bench file wrote and prints one table at the end of the run.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('bench-results', 'parts');

export function setup(): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

export function teardown(): void {
  const figures = fs.existsSync(dir)
    ? fs.readdirSync(dir).flatMap((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown[])
    : [];
  const document = { at: new Date().toISOString(), node: process.version, cpus: 2, figures };
  fs.writeFileSync(path.resolve('bench-results', 'latest.json'), `${JSON.stringify(document, null, 2)}\n`);
  console.log(`\n${figures.length} benchmark figures written to bench-results/latest.json`);
}
