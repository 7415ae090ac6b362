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

/** A project of the core's specs in Node: the settings they share, and what makes each one different. */
function coreProject(test: { name: string; include: string[]; exclude?: string[]; isolate?: boolean; globalSetup?: string[]; env: Record<string, string> }) {
  return {
    resolve: { alias },
    define,
    test: { environment: 'node' as const, setupFiles: ['test/setup/lend-rsa-keys.ts', 'test/setup/after-each-file.ts'], testTimeout: 30_000, hookTimeout: 60_000, ...test },
  };
}

export default defineConfig({
  test: {
    projects: [
      coreProject({
        name: 'core',
        include: ['test/unit/desktop/**/*.spec.ts', 'test/integration/**/*.spec.ts'],
        globalSetup: ['test/setup/build-node.ts', 'test/setup/make-rsa-keys.ts'],
        env,
      }),
      // The unit specs share their workers' loaded modules (isolate: false) instead of loading the core again for
      // each file, which cost more than running them. Not the desktop specs: they replace `electron` with vi.mock.
      coreProject({
        name: 'core-unit',
        include: ['test/unit/**/*.spec.ts'],
        exclude: [...configDefaults.exclude, 'test/unit/desktop/**'],
        isolate: false,
        globalSetup: ['test/setup/build-node.ts', 'test/setup/make-rsa-keys.ts'],
        env,
      }),
      coreProject({ name: 'core-a-year-later', include: dateSensitive, globalSetup: ['test/setup/make-rsa-keys.ts'], env: pinnedClockEnv(testNowAYearLater) }),
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
