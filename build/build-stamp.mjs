// Whether a built part of the app (the Node bundles, or the renderer) is current: a stamp written
// after a complete build records the sha256 of every input and the size and mtime of every output.
// The part is current only when a stamp exists, no input's content changed (a source, a config, a
// lockfile: added, removed or edited) and every output is still the one that build wrote. The stamp
// is removed before a build starts and written last, so a build killed half-way is never current.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Part
 * @property {string} name
 * @property {string[]} inputs folders and files (relative to the project) whose content the build reads
 * @property {string[]} outputs folders and files the build writes
 * @property {string} stamp the stamp file
 */

/** Every file under `entries` (folders walked, missing ones skipped), relative and sorted. */
export function filesUnder(root, entries, skip = () => false) {
  const found = [];
  const walk = (relative) => {
    if (skip(relative)) return;
    let stat;
    try {
      stat = fs.statSync(path.join(root, relative));
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(path.join(root, relative))) walk(path.posix.join(relative, name));
    } else if (stat.isFile()) {
      found.push(relative);
    }
  };
  for (const entry of entries) walk(entry);
  return [...new Set(found)].sort();
}

/** sha256 of each input file's content. */
export function inputHashes(root, part) {
  return Object.fromEntries(filesUnder(root, part.inputs).map((file) => [file, createHash('sha256').update(fs.readFileSync(path.join(root, file))).digest('hex')]));
}

/** Size and modification time of each output file (not the stamps). */
export function outputStates(root, part) {
  return Object.fromEntries(
    filesUnder(root, part.outputs, (relative) => path.posix.basename(relative).startsWith('.stamp-')).map((file) => {
      const stat = fs.statSync(path.join(root, file));
      return [file, `${stat.size}:${stat.mtimeMs}`];
    }),
  );
}

export function readStamp(root, part) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, part.stamp), 'utf8'));
  } catch {
    return null;
  }
}

export function removeStamp(root, part) {
  fs.rmSync(path.join(root, part.stamp), { force: true });
}

/** Written through a temporary file and a rename: a stamp is whole or absent. */
export function writeStamp(root, part, inputs, builtAt) {
  const file = path.join(root, part.stamp);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify({ part: part.name, builtAt, inputs, outputs: outputStates(root, part) }, null, 1)}\n`);
  fs.renameSync(temporary, file);
}

function differences(kind, recorded, current) {
  const changed = [];
  for (const [file, value] of Object.entries(current)) {
    if (!(file in recorded)) changed.push(`${file} is new`);
    else if (recorded[file] !== value) changed.push(`${file} ${kind === 'output' ? 'was rewritten since the build' : 'changed'}`);
  }
  for (const file of Object.keys(recorded)) if (!(file in current)) changed.push(`${file} ${kind === 'output' ? 'is missing' : 'was removed'}`);
  return changed;
}

/**
 * Why the part must be built again (empty when it is current). `inputs` are the current input
 * hashes (computed once by the caller, as they are what a new stamp records).
 */
export function staleReasons(root, part, inputs) {
  const stamp = readStamp(root, part);
  if (stamp === null || typeof stamp.inputs !== 'object' || typeof stamp.outputs !== 'object') return ['never built (or the last build did not finish)'];
  const outputs = outputStates(root, part);
  if (Object.keys(outputs).length === 0) return ['nothing built'];
  return [...differences('input', stamp.inputs, inputs), ...differences('output', stamp.outputs, outputs)];
}
