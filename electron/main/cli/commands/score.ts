/** `dingxing score FILE.json [--draft]`: score one assessment document with the engine; prints the result, writes nothing. */
import type { CliCommand } from '../command';
import { readJsonFile } from '../read-json-file';
import { parseAssessmentDocument, scoreDocument } from '../../scoring/score-document';
import { getRubricPack } from '../../scoring/index';
import type { StarPack } from '@shared/rubric/star-pack';
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
    const document = parseAssessmentDocument(readJsonFile(file), file);
    const core = await context.core();
    const result = scoreDocument(core.services.db, document, { draft: context.values.draft === true });
    context.print(result, formatScoreResult(result, document, packNames(getRubricPack(core.services.db, result.rubric).pack)));
  },
};
