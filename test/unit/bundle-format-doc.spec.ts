// The table of bundle record columns in docs/bundle-format.md is the zod schemas the importer
// enforces, rendered: it fails here the moment a schema changes and the doc does not.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordColumnsMarkdown, withRecordColumns } from '@shared/bundle/record-columns';
import { recordTables } from '@shared/bundle/records';

describe('docs/bundle-format.md', () => {
  const doc = fs.readFileSync('docs/bundle-format.md', 'utf8');

  it('holds the record columns exactly as the schemas make them (else run npm run docs:records)', () => {
    expect(withRecordColumns(doc)).toBe(doc);
  });

  it('names every record file, every column of it and the ranges the importer checks', () => {
    const table = recordColumnsMarkdown();
    for (const name of recordTables) expect(table).toContain(`records/${name}.jsonl`);
    expect(table).toMatch(/\| `stars` \| integer 1–5 \| yes \|/);
    expect(table).toMatch(/\| `status` \| one of `draft`, `submitted`, `signed`, `final` \| yes \|/);
    expect(table).toMatch(/\| `uscc` \| text matching `\^\[0-9A-Z\]\{18\}\$`, or `null` \| yes \|/);
    expect(table).toMatch(/\| `in_scope` \| `0` or `1` \| yes \|/);
  });
});
