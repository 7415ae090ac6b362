// One definition per type: a type, interface or schema the contract (shared/) defines is not
// defined again in the core or the renderer, and shared/ does not define one name twice. Two
// different things sharing a name are renamed to say what each is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceFiles = (folder: string): string[] =>
  fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });

/** Each exported type, interface, enum or constant with a capitalised name, and the files defining it (re-exports are not definitions). */
function definitions(files: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/export\s+(?:interface|type|const|enum)\s+([A-Z]\w*)\b/g)) {
      const name = match[1] as string;
      found.set(name, [...(found.get(name) ?? []), file]);
    }
  }
  return found;
}

describe('types', () => {
  const contract = definitions(sourceFiles('shared'));

  it('are defined once in shared/', () => {
    const twice = [...contract].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('defined in shared/ are not defined again in the core or the renderer', () => {
    const again = [...definitions([...sourceFiles('electron/main'), ...sourceFiles('renderer/src')])]
      .filter(([name]) => contract.has(name))
      .map(([name, files]) => `${name}: ${files.join(', ')} (shared: ${contract.get(name)?.join(', ')})`);
    expect(again).toEqual([]);
  });
});
