/** Where the built renderer lives: `dist/renderer` in the package root, found from this module's own place. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  // Source (electron/main), the CLI bundle (dist/) and the desktop bundle (dist-electron/) sit at different depths.
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

export function rendererDir(): string {
  return path.join(packageRoot(), 'dist', 'renderer');
}
