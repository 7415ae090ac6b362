// Bundles the Node side (CLI, serve, workers, Electron main and preload) with esbuild.
// npm packages stay external: native modules (better-sqlite3) must load from node_modules.
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * pinyin-pro's dictionaries are slow to load and a frozen migration imports the package at its top
 * (db/migrations/0010-units-name-sort.ts): every import of it is served by a module that loads
 * the package on the first call (electron/main/units/pinyin-on-demand.ts), so opening a database
 * does not load it. The migration's file, and its recorded hash, stay as they are.
 */
const pinyinOnDemand = {
  name: 'pinyin-on-demand',
  setup(context) {
    const shim = new URL('../electron/main/units/pinyin-on-demand.ts', import.meta.url).pathname;
    context.onResolve({ filter: /^pinyin-pro$/ }, (args) => (args.kind === 'import-statement' ? { path: shim } : undefined));
  },
};

const common = {
  plugins: [pinyinOnDemand],
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
  // Split too: a command loads only what it reaches (the core's handlers are imported per
  // domain on first call), so `--help` and `units list` never load PDF, spreadsheet or chart code.
  build({
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: { cli: 'electron/main/cli.ts' },
    outdir: 'dist',
    chunkNames: 'cli/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
  }),
  // Split per job: a worker loads only the job it runs (and that job's npm packages), so a
  // units import does not wait ~0.5 s for the PDF and crypto libraries to start.
  build({
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: { 'jobs-worker': 'electron/main/jobs/worker-entry.ts' },
    outdir: 'dist',
    chunkNames: 'jobs/[name]-[hash]',
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

// The PDF fonts (OFL): copied from the npm package into build/fonts, where the core reads them
// in development and electron-builder picks them up as resources/fonts. Not committed: 10 MB each.
const require = createRequire(import.meta.url);
for (const [from, to] of [
  ['@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
]) {
  const source = require.resolve(from);
  const target = new URL(`./fonts/${to}`, import.meta.url);
  if (!existsSync(target) || statSync(target).size !== statSync(source).size) copyFileSync(source, target);
}
