// Module hooks of record-packages.mjs: a bare specifier (an npm package, not node:) is logged.
import fs from 'node:fs';

let log;
export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, next) {
  if (log && !specifier.startsWith('.') && !specifier.startsWith('node:') && !specifier.startsWith('file:') && !specifier.startsWith('/') && !specifier.startsWith('data:')) {
    fs.appendFileSync(log, `${specifier}\n`);
  }
  return next(specifier, context);
}
