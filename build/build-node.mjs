// Bundles the Node side (CLI, serve, workers, Electron main and preload) with esbuild.
// npm packages stay external: native modules (better-sqlite3) must load from node_modules.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  tsconfig: 'tsconfig.json',
  define: { __DINGXING_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: { cli: 'electron/main/cli.ts', 'jobs-worker': 'electron/main/jobs/worker-entry.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
  }),
  build({
    ...common,
    format: 'esm',
    entryPoints: { main: 'electron/main/index.ts' },
    outdir: 'dist-electron',
    outExtension: { '.js': '.mjs' },
    external: ['electron'],
  }),
  // A sandboxed preload must be one CommonJS file.
  build({
    ...common,
    format: 'cjs',
    packages: undefined,
    external: ['electron'],
    entryPoints: { preload: 'electron/preload/index.ts' },
    outdir: 'dist-electron',
    outExtension: { '.js': '.cjs' },
  }),
]);
