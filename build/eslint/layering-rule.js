// ESLint rule: a relative or aliased import must land where the importing layer may reach (the
// table in README.md's layout and docs/architecture.md). Packages (electron, Node modules) are
// checked by no-restricted-imports. An allowed entry ending in `/` is a folder; any other is one module.
import path from 'node:path';
import { coreFolderOf, coreFolders, layerOfFolder, mayImportFolder } from './core-layers.js';

/**
 * The command line is a door like serve and the desktop app: it reaches the core only through the
 * contract (shared/) and the core host (opening and holding the core, its platform, the passphrase
 * key store it hands the core), plus the serve door it starts. Everything else is a procedure call.
 */
const commandLine = [
  'electron/main/cli/',
  'shared/',
  'electron/main/host/core',
  'electron/main/host/core-host',
  'electron/main/platform/platform',
  'electron/main/platform/data-dir',
  'electron/main/platform/app-version',
  'electron/main/platform/renderer-dir',
  'electron/main/transports/',
  'electron/main/crypto/key-store',
  'electron/main/crypto/passphrase-key-store',
  // Writing an output file whole or not at all, as the core writes its own.
  'electron/main/files/atomic-file',
];

/** Which folders each layer may import from, first match wins. */
export const layers = [
  { name: 'the Electron entry', files: ['electron/main/index.ts', 'electron/main/desktop/'], allowed: ['electron/main/', 'shared/'] },
  { name: 'the command line', files: ['electron/main/cli.ts', 'electron/main/cli/'], allowed: commandLine },
  { name: 'the core', files: ['electron/main/'], allowed: ['electron/main/', 'shared/'] },
  { name: 'the preload', files: ['electron/preload/'], allowed: ['electron/preload/', 'shared/'] },
  { name: 'shared/', files: ['shared/'], allowed: ['shared/'] },
  { name: 'the renderer', files: ['renderer/'], allowed: ['renderer/', 'shared/'] },
];

function toPosix(file) {
  return file.split(path.sep).join('/');
}

/** A folder entry (`…/`) takes everything under it; a module entry takes that module only. */
function reaches(entry, target) {
  return entry.endsWith('/') ? target.startsWith(entry) : target.replace(/\.(ts|js|mjs)$/, '') === entry;
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports inside the folders a layer may use' },
    schema: [],
    messages: {
      outside: '{{layer}} may not import {{target}}: it may import only from {{allowed}}.',
      upward:
        "{{from}} ({{fromLayer}}) may not import {{target}}: {{to}} ({{toLayer}}) comes after it in the core's layers (build/eslint/core-layers.js, docs/architecture.md); move the code down or pass it in.",
      undeclared: 'electron/main/{{folder}}/ is in no layer of the core: add it to build/eslint/core-layers.js and docs/architecture.md.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = toPosix(path.relative(root, context.filename));
    const layer = layers.find((candidate) => candidate.files.some((prefix) => file === prefix || file.startsWith(prefix)));
    if (!layer) return {};
    const folder = coreFolderOf(file);
    /** Inside the core, a folder imports only from itself and the folders below it. */
    function checkCoreLayers(node, target) {
      const to = coreFolderOf(target);
      if (folder === null || to === null || !coreFolders.includes(folder) || mayImportFolder(folder, to)) return;
      const describe = (name) => (name === '.' ? 'the entry points (electron/main/*.ts)' : `electron/main/${name}/`);
      context.report({
        node,
        messageId: 'upward',
        data: {
          from: describe(folder),
          fromLayer: layerOfFolder(folder)?.name ?? '?',
          target,
          to: describe(to),
          toLayer: layerOfFolder(to)?.name ?? 'no layer',
        },
      });
    }
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      let target;
      if (specifier.startsWith('@shared/')) target = `shared/${specifier.slice('@shared/'.length)}`;
      else if (specifier.startsWith('.')) target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), specifier)));
      else return;
      if (!layer.allowed.some((entry) => reaches(entry, target))) {
        context.report({ node, messageId: 'outside', data: { layer: layer.name, target, allowed: layer.allowed.join(', ') } });
      }
      checkCoreLayers(node, target);
    }
    return {
      Program: (node) =>
        folder !== null && !coreFolders.includes(folder) && context.report({ node, messageId: 'undeclared', data: { folder } }),
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
