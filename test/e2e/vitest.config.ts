import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import { pinnedClockEnv, testNow } from '../setup/test-clock';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

// End-to-end: the built app served by `dingxing serve`, driven in Debian's Chromium. One file at a time.
// The sources resolve as in the core tests, for set-up run in-process (support/dingxing.ts).
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) } },
  define: { __DINGXING_VERSION__: JSON.stringify(pkg.version) },
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/setup/build-app.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    env: pinnedClockEnv(testNow),
    // A loaded 2-core machine can take seconds to re-render after a save; polls wait for what a person would.
    expect: { poll: { timeout: 10_000 } },
  },
});
