import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import { pinnedClockEnv, testNow } from '../setup/test-clock';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

// End-to-end: the built app served by `dingxing serve`, driven in Debian's Chromium. Each file has its own
// server, database and browser, so two files run side by side: most of a file's time is spent waiting for the
// page, and two fill a 2-core machine where one left it half idle.
// The sources resolve as in the core tests, for set-up run in-process (support/dingxing.ts).
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) } },
  define: { __DINGXING_VERSION__: JSON.stringify(pkg.version) },
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/setup/build-app.ts', 'test/setup/make-rsa-keys.ts'],
    setupFiles: ['test/setup/lend-rsa-keys.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    env: pinnedClockEnv(testNow),
    // A loaded 2-core machine can take seconds to re-render after a save; polls wait for what a person would.
    expect: { poll: { timeout: 10_000 } },
  },
});
