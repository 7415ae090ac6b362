import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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

const coreSpecs = ['test/unit/**/*.spec.ts', 'test/integration/**/*.spec.ts'];
/** The core's specs that replace a module (vi.mock): each needs a module graph of its own. */
const specsReplacingModules = ['test/unit', 'test/integration']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`))
  .filter((file) => file.endsWith('.spec.ts') && /\bvi\.(?:do)?mock\(/.test(readFileSync(file, 'utf8')));

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
    // Vitest keeps one core free by default, which on a 2-core machine runs one file at a time. Most files spend
    // much of their time waiting (password hashing off the main thread, job workers, child processes), so two
    // files side by side fill both cores.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      // The core's specs share their workers' loaded modules (isolate: false) instead of loading the core again for
      // each file, which cost more than running most of them. Not the specs that replace a module with vi.mock:
      // a replaced module would stay replaced for the files after them.
      coreProject({
        name: 'core',
        include: coreSpecs,
        exclude: [...configDefaults.exclude, ...specsReplacingModules],
        isolate: false,
        globalSetup: ['test/setup/build-node.ts', 'test/setup/make-rsa-keys.ts'],
        env,
      }),
      coreProject({
        name: 'core-isolated',
        include: specsReplacingModules,
        globalSetup: ['test/setup/build-node.ts', 'test/setup/make-rsa-keys.ts'],
        env,
      }),
      coreProject({ name: 'core-a-year-later', include: dateSensitive, isolate: false, globalSetup: ['test/setup/make-rsa-keys.ts'], env: pinnedClockEnv(testNowAYearLater) }),
      {
        plugins: [vue()],
        resolve: { alias },
        define,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.spec.ts'],
          // A whole page mounted with Element Plus takes seconds while the core's specs fill the other core.
          testTimeout: 20_000,
          env,
        },
      },
    ],
  },
});
