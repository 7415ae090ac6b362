// Lint rules, including the layering of docs/architecture.md (as VS Code's code-layering rule does):
// shared/ imports nothing outside itself; the core never imports electron; the renderer never
// imports Node or electron; the preload only electron and shared/.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import { layeringRule } from './build/eslint/layering-rule.js';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodeOnlyPackages = ['better-sqlite3', 'exceljs', 'csv-parse', 'csv-parse/sync', 'pdfkit', 'yazl', 'yauzl', 'node-forge'];

const electronImport = { name: 'electron', message: 'The core runs in plain Node: only electron/main/index.ts and electron/main/desktop/ may import electron.' };
const nodeImports = (who) => [...nodeModules, ...nodeOnlyPackages].map((name) => ({ name, message: `${who} must not import Node modules (${name}).` }));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'bench-results/**', 'test/fixtures/**', 'test-results/**', 'tmp/**', '.*.tmp.mjs', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['**/*.{ts,vue,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,vue}'],
    plugins: { dingxing: { rules: { layering: layeringRule } } },
    rules: { 'dingxing/layering': 'error' },
  },
  { files: ['electron/**/*.ts', 'test/**/*.ts', 'build/**/*.mjs', 'bin/**/*.mjs', 'test/tools/**/*.mjs', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  { files: ['renderer/**/*.{ts,vue}'], languageOptions: { globals: globals.browser } },
  // Tests poke at loosely typed JSON on purpose.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, ...nodeImports('shared/')],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/desktop/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [{ regex: '^electron/', message: electronImport.message }],
        },
      ],
    },
  },
  // A migration is frozen once released: it imports nothing from the app (whose code moves on), only
  // the Migration type, libraries and node. test/unit/db/migrations-frozen.spec.ts records each file's hash.
  {
    files: ['electron/main/db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            { regex: '^electron/', message: electronImport.message },
            { regex: '^(\\.\\./(?!migration$)|@shared/)', message: 'A migration imports nothing from the app: copy what it needs, as it was when the migration was written.' },
          ],
        },
      ],
    },
  },
  // One clock: the core and shared/ read time only through platform.now() (electron/main/platform/platform.ts),
  // so tests and demos that pin it see the same dates whatever day they run.
  {
    files: ['electron/main/**/*.ts', 'shared/**/*.ts'],
    ignores: ['electron/main/platform/platform.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time through platform.now() (or the now handed to you), never new Date().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the time through platform.now() (or the now handed to you), never Date.now().' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Time a duration with stopwatch() from platform/platform.ts, never performance.now().' },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeImports('The sandboxed preload'),
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports electron: use the API client.' }, ...nodeImports('The renderer')],
        },
      ],
    },
  },
);
