// The core's folders form layers, bottom first (build/eslint/core-layers.js, docs/architecture.md):
// this computes the folder graph of electron/main from its sources and checks that it has no circle,
// that every folder is in a layer, and that no folder imports one listed after it.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { coreFolderOf, coreFolders, coreLayers, coreRoot, mayImportFolder } from '../../build/eslint/core-layers.js';

/** One import that crosses from one core folder into another. */
interface FolderEdge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The file a relative specifier names, as TypeScript resolves it here (`x` → `x.ts`, `x.d.ts`, `x/index.ts`, or the file itself: JSON). */
function resolveSpecifier(file: string, specifier: string): string {
  const base = path.posix.join(path.posix.dirname(file), specifier.replace(/\.js$/, ''));
  const candidates = [`${base}.ts`, `${base}.d.ts`, `${base}/index.ts`, base];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? base;
}

/** Every relative import of every source file (static, type-only, re-exports and dynamic import()) that lands in another core folder. */
function coreFolderEdges(files: readonly string[], read: (file: string) => string): FolderEdge[] {
  const edges: FolderEdge[] = [];
  for (const file of files) {
    const from = coreFolderOf(file);
    if (from === null) continue;
    for (const { fileName: specifier } of ts.preProcessFile(read(file), true, true).importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const to = coreFolderOf(resolveSpecifier(file, specifier));
      if (to !== null && to !== from) edges.push({ from, to, file, specifier });
    }
  }
  return edges;
}

function byFolder(edges: readonly FolderEdge[]): Map<string, Map<string, FolderEdge[]>> {
  const graph = new Map<string, Map<string, FolderEdge[]>>();
  for (const edge of edges) {
    const targets = graph.get(edge.from) ?? new Map<string, FolderEdge[]>();
    graph.set(edge.from, targets);
    targets.set(edge.to, [...(targets.get(edge.to) ?? []), edge]);
  }
  return graph;
}

/** The folders that reach each other (Tarjan's strongly connected components of more than one folder). */
function circles(graph: Map<string, Map<string, FolderEdge[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (folder: string): void => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    onStack.add(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
      if (member === folder) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const folder of [...graph.keys()].sort()) if (!index.has(folder)) visit(folder);
  return found;
}

/** One circle through `members`, shortest from its first folder back to it, each step named by one file and import that makes it. */
function describeCircle(graph: Map<string, Map<string, FolderEdge[]>>, members: readonly string[]): string {
  const inside = new Set(members);
  const start = members[0]!;
  const cameFrom = new Map<string, FolderEdge>();
  const queue = [start];
  while (queue.length > 0 && !cameFrom.has(start)) {
    const folder = queue.shift()!;
    for (const [next, edges] of graph.get(folder) ?? []) {
      if (!inside.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, edges[0]!);
      queue.push(next);
    }
  }
  const steps: FolderEdge[] = [];
  for (let at = start; steps.length === 0 || at !== start;) {
    const edge = cameFrom.get(at)!;
    steps.unshift(edge);
    at = edge.from;
  }
  const path = [start, ...steps.map((step) => step.to)].join(' → ');
  return `${members.length} folders in a circle (${members.join(', ')}), e.g. ${path}: ${steps.map((step) => `${step.file} imports '${step.specifier}'`).join('; ')}`;
}

function describeUpward(edge: FolderEdge): string {
  return `${edge.file} imports '${edge.specifier}': ${edge.from}/ may import only from itself and the folders listed before it, and ${edge.to}/ comes after`;
}

function foldersOnDisk(files: readonly string[]): string[] {
  return [...new Set(files.map((file) => coreFolderOf(file)).filter((folder): folder is string => folder !== null))].sort();
}

const files = sourceFiles(coreRoot);
const edges = coreFolderEdges(files, (file) => fs.readFileSync(file, 'utf8'));

describe('the layers inside the core', () => {
  it('puts every folder of electron/main in exactly one layer, and declares no folder that is not there', () => {
    const declared = coreLayers.flatMap((layer) => layer.folders);
    expect(declared.filter((folder, at) => declared.indexOf(folder) !== at)).toEqual([]);
    expect([...declared].sort()).toEqual(foldersOnDisk(files));
  });

  it('reads the imports of every source file', () => {
    // A reader that missed imports would find no circle: the host alone imports a dozen folders.
    expect(files.length).toBeGreaterThan(250);
    expect(new Set(edges.filter((edge) => edge.from === 'host').map((edge) => edge.to)).size).toBeGreaterThan(10);
    expect(edges).toContainEqual({
      from: 'jobs',
      to: 'units-import',
      file: 'electron/main/jobs/registry.ts',
      specifier: '../units-import/import-jobs',
    });
  });

  it('has no circle among its folders', () => {
    const graph = byFolder(edges);
    expect(circles(graph).map((members) => describeCircle(graph, members))).toEqual([]);
  });

  it('imports from no folder listed after the importing one', () => {
    expect(edges.filter((edge) => !mayImportFolder(edge.from, edge.to)).map(describeUpward)).toEqual([]);
  });

  it('is the order docs/architecture.md shows', () => {
    const doc = fs.readFileSync('docs/architecture.md', 'utf8');
    const section = doc.slice(doc.indexOf('## Layers inside the core'));
    const rows = [...section.matchAll(/^\| (\w[\w ]*?) \| (`[^|]+`) \|/gm)].map((match) => ({
      name: match[1],
      folders: [...match[2]!.matchAll(/`([^`]+)`/g)].map((folder) => folder[1]),
    }));
    expect(rows).toEqual(
      coreLayers.map((layer) => ({ name: layer.name, folders: layer.folders.map((folder) => (folder === '.' ? '*.ts' : `${folder}/`)) })),
    );
  });
});

describe('the folder graph check', () => {
  const fixture: Record<string, string> = {
    'electron/main/db/open.ts': "import { appendAudit } from '../audit/log';\n",
    'electron/main/audit/log.ts': "import type { Context } from '../context/context';\nexport const x = import('../audit/other');\n",
    'electron/main/context/context.ts': "export { prepared } from '../db/open';\n",
    'electron/main/units/store.ts': "import { now } from '../platform/clock';\n",
  };
  const fixtureEdges = coreFolderEdges(Object.keys(fixture), (file) => fixture[file]!);

  it('names the files and imports that close a circle', () => {
    const graph = byFolder(fixtureEdges);
    expect(circles(graph).map((members) => describeCircle(graph, members))).toEqual([
      "3 folders in a circle (audit, context, db), e.g. audit → context → db → audit: electron/main/audit/log.ts imports '../context/context'; electron/main/context/context.ts imports '../db/open'; electron/main/db/open.ts imports '../audit/log'",
    ]);
  });

  it('names an import of a folder listed after the importing one, and lets a folder import one before it', () => {
    expect(fixtureEdges.filter((edge) => !mayImportFolder(edge.from, edge.to)).map(describeUpward)).toEqual([
      "electron/main/db/open.ts imports '../audit/log': db/ may import only from itself and the folders listed before it, and audit/ comes after",
      "electron/main/audit/log.ts imports '../context/context': audit/ may import only from itself and the folders listed before it, and context/ comes after",
    ]);
    expect(coreFolders.indexOf('platform')).toBeLessThan(coreFolders.indexOf('units'));
  });

  it('finds a folder that is in no layer', () => {
    const declared = new Set(coreFolders);
    expect(
      foldersOnDisk(['electron/main/cli.ts', 'electron/main/units/x.ts', 'electron/main/gadgets/y.ts', 'shared/z.ts']).filter(
        (folder) => !declared.has(folder),
      ),
    ).toEqual(['gadgets']);
  });
});
