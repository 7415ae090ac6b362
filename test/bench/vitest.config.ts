import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run bench`: each *.bench.ts measures a figure against a baseline in the same run.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) } },
  define: { __DINGXING_VERSION__: JSON.stringify(pkg.version) },
  test: {
    name: 'bench',
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    fileParallelism: false,
    globalSetup: ['test/bench/global-setup.ts'],
    setupFiles: ['test/setup/after-each-file.ts'],
  },
});
