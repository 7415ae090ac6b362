/** `dingxing score FILE.json [--draft]`: score one assessment document with the engine; prints the result, writes nothing. */
import type { CliCommand } from '../command';
import { parseAssessmentDocument } from '@shared/assessment/document';
import type { StarPack } from '@shared/rubric/star-pack';
import { callCore } from '../call-core';
import { readJsonFile } from '../read-json-file';
import { formatScoreResult } from './score-format';
import type { PackNames } from './score-format';

/** Every category and item of a star pack by id, with its Chinese name. */
export function packNames(pack: StarPack): PackNames {
  const names = new Map<string, string>();
  for (const category of pack.categories) {
    names.set(category.id, category.label.zh);
    for (const item of category.items) names.set(item.id, item.label.zh);
  }
  for (const item of [...pack.addOns.items, ...pack.vetoes.items]) names.set(item.id, item.label.zh);
  return names;
}

export const scoreCommand: CliCommand = {
  path: ['score'],
  summary: 'Score an assessment (dingxing.assessment/1 JSON) with the star engine and print the result',
  args: 'FILE.json',
  positionals: { min: 1, max: 1 },
  options: {
    draft: { type: 'boolean', help: 'score what is there even when answers are missing (result says complete: false)' },
  },
  async run(context) {
    const file = context.positionals[0] as string;
    // Checked before the database is opened: a bad file changes nothing, not even by creating it.
    const json = readJsonFile(file);
    const document = parseAssessmentDocument(json, file);
    const core = await context.core();
    const result = await callCore(core, 'scoring.score', { source: file, document: json, draft: context.values.draft === true });
    const { pack } = await callCore(core, 'rubric.get', { ref: result.rubric });
    context.print(result, formatScoreResult(result, document, pack.type === 'star' ? packNames(pack) : new Map()));
  },
};
