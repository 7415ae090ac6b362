/** `dingxing score FILE.json [--draft]`: score one assessment document with the engine; prints the result, writes nothing. */
import type { CliCommand } from '../command';
import { readJsonFile } from '../read-json-file';
import { parseAssessmentDocument, scoreDocument } from '../../scoring/score-document';
import { formatScoreResult } from './score-format';

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
    context.print(result, formatScoreResult(result, document));
  },
};
