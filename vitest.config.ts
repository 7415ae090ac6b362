import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };
const define = { __DINGXING_VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        define,
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/unit/**/*.spec.ts', 'test/integration/**/*.spec.ts'],
          globalSetup: ['test/setup/build-node.ts'],
          testTimeout: 30_000,
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
        },
      },
    ],
  },
});
