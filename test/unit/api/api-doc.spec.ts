// docs/api.md lists every procedure with what its definition declares: who may call it, whether it
// writes, the job that runs it, and the audit actions it records. A procedure added or changed
// without its line fails here.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedures } from '@shared/api/contract';
import type { ProcedureDef } from '@shared/api/procedure';

function line(name: string, definition: ProcedureDef): string {
  const roles = definition.roles === 'public' ? 'anyone (no login)' : definition.roles === 'signedIn' ? 'any logged-in user' : definition.roles.join(', ');
  const does = [definition.writes ? 'writes' : 'reads', definition.job !== undefined ? `job \`${definition.job}\`` : definition.progress ? 'progress' : ''].filter(Boolean).join(', ');
  const audit = (definition.audit ?? []).map((action) => `\`${action}\``).join(', ') || '—';
  return `| \`${name}\` | ${roles} | ${does} | ${audit} |`;
}

describe('docs/api.md', () => {
  it('has the line of every procedure, as its definition declares it, and no other', () => {
    const documented = fs.readFileSync('docs/api.md', 'utf8').split('\n').filter((text) => /^\| `[a-zA-Z.]+` \|/.test(text) && text.split('|').length === 6);
    expect(documented).toEqual(Object.entries(procedures).map(([name, definition]) => line(name, definition as ProcedureDef)));
  });
});
