import { defineConfig } from 'vitest/config';
import { pinnedClockEnv, testNow } from '../setup/test-clock';

// End-to-end: the built app served by `dingxing serve`, driven in Debian's Chromium. One file at a time.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    env: pinnedClockEnv(testNow),
    // A loaded 2-core machine can take seconds to re-render after a save; polls wait for what a person would.
    expect: { poll: { timeout: 10_000 } },
  },
});
