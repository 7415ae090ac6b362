// ESLint rule: a relative or aliased import must land in a folder the importing layer may use
// (docs/architecture.md). Packages (electron, Node modules) are checked by no-restricted-imports.
import path from 'node:path';

/** Which folders each layer may import from, first match wins. */
export const layers = [
  { name: 'the Electron entry', files: ['electron/main/index.ts', 'electron/main/desktop/'], allowed: ['electron/main/', 'shared/'] },
  { name: 'the core', files: ['electron/main/'], allowed: ['electron/main/', 'shared/'] },
  { name: 'the preload', files: ['electron/preload/'], allowed: ['electron/preload/', 'shared/'] },
  { name: 'shared/', files: ['shared/'], allowed: ['shared/'] },
  { name: 'the renderer', files: ['renderer/'], allowed: ['renderer/', 'shared/'] },
];

function toPosix(file) {
  return file.split(path.sep).join('/');
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports inside the folders a layer may use' },
    schema: [],
    messages: { outside: '{{layer}} may not import {{target}}: it may import only from {{allowed}}.' },
  },
  create(context) {
    const root = context.cwd;
    const file = toPosix(path.relative(root, context.filename));
    const layer = layers.find((candidate) => candidate.files.some((prefix) => file === prefix || file.startsWith(prefix)));
    if (!layer) return {};
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      let target;
      if (specifier.startsWith('@shared/')) target = `shared/${specifier.slice('@shared/'.length)}`;
      else if (specifier.startsWith('.')) target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), specifier)));
      else return;
      if (!layer.allowed.some((prefix) => target.startsWith(prefix))) {
        context.report({ node, messageId: 'outside', data: { layer: layer.name, target, allowed: layer.allowed.join(', ') } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
