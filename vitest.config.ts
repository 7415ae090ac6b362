import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { configDefaults, defineConfig } from 'vitest/config';
import { pinnedClockEnv, testNow, testNowAYearLater } from './test/setup/test-clock';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };
const define = { __DINGXING_VERSION__: JSON.stringify(pkg.version) };
const env = pinnedClockEnv(testNow);

/** Specs whose answers depend on the date (demo data, due dates, validity): run again a year later. */
const dateSensitive = ['test/integration/ding-api.spec.ts', 'test/integration/ding-demo.spec.ts', 'test/integration/summary-cli.spec.ts', 'test/integration/assessments-demo.spec.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        define,
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/unit/desktop/**/*.spec.ts', 'test/integration/**/*.spec.ts'],
          globalSetup: ['test/setup/build-node.ts'],
          setupFiles: ['test/setup/after-each-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env,
        },
      },
      {
        resolve: { alias },
        define,
        test: {
          // The unit specs share their workers' loaded modules (isolate: false) instead of loading the core again for
          // each file, which cost more than running them. Not the desktop specs: they replace `electron` with vi.mock.
          name: 'core-unit',
          environment: 'node',
          include: ['test/unit/**/*.spec.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/desktop/**'],
          isolate: false,
          globalSetup: ['test/setup/build-node.ts'],
          setupFiles: ['test/setup/after-each-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env,
        },
      },
      {
        resolve: { alias },
        define,
        test: {
          name: 'core-a-year-later',
          environment: 'node',
          include: dateSensitive,
          setupFiles: ['test/setup/after-each-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: pinnedClockEnv(testNowAYearLater),
        },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        define,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.spec.ts'],
          env,
        },
      },
    ],
  },
});
