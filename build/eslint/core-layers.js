// The layers inside the core (electron/main), bottom first; docs/architecture.md says why each
// folder sits where it does. A folder imports only from itself and from the folders listed
// before it, so every dependency points one way and the folders form no circle. The lint
// (layering-rule.js) refuses an import that points up; test/unit/folder-layers.spec.ts computes
// the folder graph from the sources and checks it against this list.

/** The core's root; its top-level files (the entry points cli.ts and index.ts) are the folder `.`. */
export const coreRoot = 'electron/main';

export const coreLayers = [
  {
    name: 'foundation',
    why: 'the process, files, the database and its statement cache, this workstation, the audit log, the domain context, PDF and spreadsheet primitives, keys',
    folders: ['platform', 'files', 'db', 'workstation', 'audit', 'context', 'pdf', 'spreadsheet', 'crypto', 'records'],
  },
  { name: 'rules', why: 'the rubric packs and the star engine, pure functions over them', folders: ['rubric', 'scoring'] },
  {
    name: 'features',
    why: 'the domain operations, each on the ones before it',
    folders: [
      'units',
      'users',
      'settings',
      'backups',
      'trust',
      'certificates',
      'assessments',
      'units-import',
      'registry',
      'plan',
      'ding',
      'exports',
      'summary',
      'bundles',
      'demo',
    ],
  },
  { name: 'api', why: 'the jobs that run features in workers, the handlers and the dispatcher', folders: ['jobs', 'api'] },
  {
    name: 'doors',
    why: 'opening the core and the ways in: HTTP, the command line, the desktop, the entry points',
    folders: ['host', 'transports', 'cli', 'desktop', '.'],
  },
];

/** Every folder, bottom first. */
export const coreFolders = coreLayers.flatMap((layer) => layer.folders);

/** The core folder of a path from the repository's root (`electron/main/units/unit-store.ts` → `units`), or null outside the core. */
export function coreFolderOf(file) {
  const prefix = `${coreRoot}/`;
  if (!file.startsWith(prefix)) return null;
  const rest = file.slice(prefix.length);
  const slash = rest.indexOf('/');
  return slash === -1 ? '.' : rest.slice(0, slash);
}

/** The layer a folder belongs to, or undefined when it is in none. */
export function layerOfFolder(folder) {
  return coreLayers.find((layer) => layer.folders.includes(folder));
}

/** Whether code in folder `from` may import from folder `to`: its own, or one listed before it. */
export function mayImportFolder(from, to) {
  if (from === to) return true;
  const fromIndex = coreFolders.indexOf(from);
  const toIndex = coreFolders.indexOf(to);
  return fromIndex !== -1 && toIndex !== -1 && toIndex < fromIndex;
}
