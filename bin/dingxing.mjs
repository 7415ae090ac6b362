#!/usr/bin/env node
// The `dingxing` command. `npm install` builds dist/ (the "prepare" script); this file only loads it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('dingxing: the app is not built yet. Run "npm install" (or "npm run build") in the project folder.\n');
  process.exit(1);
}
await import(cli.href);
