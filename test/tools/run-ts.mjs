// Runs a TypeScript entry (the crash, fuzz and soak campaigns) as a Node script: bundled with
// esbuild (already a dev dependency) into node_modules/.cache, npm packages left external, so
// `npm run crash -- --kills 300` needs no extra runner. Arguments after the entry are passed on.
import console from 'node:console';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node test/tools/run-ts.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const outfile = path.resolve('node_modules/.cache/dingxing-run-ts', `${path.basename(entry, '.ts')}.mjs`);
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', tsconfig: 'tsconfig.json', sourcemap: 'inline', logLevel: 'warning', define: { __DINGXING_VERSION__: '"campaign"' } });
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
