/**
 * The columns of every bundle record file as a Markdown table, made from the zod schemas that
 * check them on import (through zod's own JSON Schema export), so the table in
 * docs/bundle-format.md cannot say anything the importer does not enforce. A test fails when the
 * doc and the schemas part; `npm run docs:records` writes the table again.
 */
import { z } from 'zod';
import { recordSchemas, tablesOfKind } from './records';
import type { RecordTable } from './records';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

const code = (text: unknown) => `\`${String(text).replace(/\|/g, '\\|')}\``;

function range(low: number | undefined, high: number | undefined, unit: string): string {
  const top = high === undefined || high >= Number.MAX_SAFE_INTEGER ? undefined : high;
  if (low !== undefined && top !== undefined) return low === top ? `${low} ${unit}` : `${low}–${top} ${unit}`;
  if (low !== undefined) return `≥ ${low} ${unit}`;
  if (top !== undefined) return `≤ ${top} ${unit}`;
  return '';
}

function describe(schema: JsonSchema): string {
  if (schema.anyOf) {
    const nullable = schema.anyOf.some((part) => part.type === 'null');
    const parts = schema.anyOf.filter((part) => part.type !== 'null');
    const consts = parts.every((part) => part.const !== undefined);
    const text = consts ? parts.map((part) => code(part.const)).join(' or ') : parts.map(describe).join(', or ');
    return nullable ? `${text}, or \`null\`` : text;
  }
  if (schema.enum) return `one of ${schema.enum.map(code).join(', ')}`;
  if (schema.const !== undefined) return code(schema.const);
  if (schema.type === 'string') {
    if (schema.pattern) return `text matching ${code(schema.pattern)}`;
    const length = range(schema.minLength, schema.maxLength, 'characters');
    return length ? `text, ${length}` : 'text';
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const values = range(schema.minimum, schema.maximum, '').trim();
    const kind = schema.type === 'integer' ? 'integer' : 'number';
    return values ? `${kind} ${values}` : kind;
  }
  return schema.type ?? 'any JSON';
}

function tableOf(table: RecordTable): string {
  // The input side: a column with a default may be left out of a file (older bundles leave it out).
  const schema = z.toJSONSchema(recordSchemas[table], { io: 'input' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([column, field]) => `| ${code(column)} | ${describe(field)} | ${required.has(column) ? 'yes' : 'no'} |`);
  return [`#### \`records/${table}.jsonl\``, '', '| column | type and range | required |', '|---|---|---|', ...rows].join('\n');
}

/** The Markdown between the doc's markers: every workstation bundle file, then every city bundle file. */
export function recordColumnsMarkdown(): string {
  const tables = [...new Set([...tablesOfKind.workstation, ...tablesOfKind.city])];
  return [
    'Every line is a JSON object with exactly these keys (another key, a missing one, a wrong type or a',
    'value out of range refuses the bundle, naming the line and the column). `text` is a JSON string',
    '(lengths in UTF-16 code units, as JavaScript counts them), `integer` a JSON number without a',
    'fraction. Generated from `shared/bundle/records.ts` by `npm run docs:records`.',
    '',
    ...tables.flatMap((table) => [tableOf(table), '']),
  ]
    .join('\n')
    .trimEnd();
}

export const recordColumnsStart = '<!-- record-columns:start (generated: npm run docs:records) -->';
export const recordColumnsEnd = '<!-- record-columns:end -->';

/** The doc with the text between the markers replaced by `recordColumnsMarkdown()`. */
export function withRecordColumns(doc: string): string {
  const start = doc.indexOf(recordColumnsStart);
  const end = doc.indexOf(recordColumnsEnd);
  if (start < 0 || end < start) throw new Error('docs/bundle-format.md has no record-columns markers');
  return `${doc.slice(0, start + recordColumnsStart.length)}\n${recordColumnsMarkdown()}\n${doc.slice(end)}`;
}
