/**
 * Where the fonts are when the door does not say: DINGXING_FONTS_DIR, else `build/fonts` of the
 * checkout or installed package this code runs from (dist/cli.mjs or the TypeScript source).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultFontsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DINGXING_FONTS_DIR) return path.resolve(env.DINGXING_FONTS_DIR);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = path.join(dir, 'build', 'fonts');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('build/fonts');
}
