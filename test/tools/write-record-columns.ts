// `npm run docs:records`: writes the table of bundle record columns in docs/bundle-format.md from
// the zod schemas (shared/bundle/record-columns.ts); test/unit/bundle-format-doc.spec.ts fails
// when the doc and the schemas part.
import fs from 'node:fs';
import { withRecordColumns } from '../../shared/bundle/record-columns';

const file = 'docs/bundle-format.md';
fs.writeFileSync(file, withRecordColumns(fs.readFileSync(file, 'utf8')));
console.log(`${file}: record columns written`);
