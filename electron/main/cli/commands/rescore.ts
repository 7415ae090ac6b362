/**
 * `dingxing rescore [--rubric ID] [--cycle Y] [FILE.json…]`: old and new total/stars side by side;
 * changes nothing. Without --rubric, the pack in force for the cycle (e.g. one a city bundle brought).
 */
import { PackRefSchema } from '@shared/rubric/pack-ref';
import type { CliCommand } from '../command';
import { integerOption, stringOption, UsageError } from '../command';
import type { RescoreRow, RescoreSide } from '@shared/api/procedures/scoring';
import { parseAssessmentDocument } from '@shared/assessment/document';
import { callCore } from '../call-core';
import { readJsonFile } from '../read-json-file';
import { formatTable } from '../text/table';

function cell(side: RescoreSide): string {
  if (side.error !== null) return `— (${side.error.length > 60 ? `${side.error.slice(0, 57)}…` : side.error})`;
  return `${side.total} / ${side.awardedStars}★${side.complete === false ? ' (incomplete)' : ''}`;
}

function delta(row: RescoreRow): string {
  if (row.old.total === null || row.new.total === null) return '';
  const points = Math.round((row.new.total - row.old.total) * 100) / 100;
  const stars = (row.new.awardedStars ?? 0) - (row.old.awardedStars ?? 0);
  return `${points >= 0 ? '+' : ''}${points} / ${stars >= 0 ? '+' : ''}${stars}★`;
}

export const rescoreCommand: CliCommand = {
  path: ['rescore'],
  summary: 'Show how assessments (signed ones in the database, and files) would score under another rubric version',
  args: '[--rubric ID@VERSION] [--cycle Y] [FILE.json…]',
  positionals: { min: 0 },
  options: {
    rubric: { type: 'string', help: 'ID@VERSION  the rubric pack to re-score with (default with --cycle: the pack in force for that cycle)' },
    cycle: { type: 'string', help: 'Y  only stored assessments of this cycle' },
  },
  async run(context) {
    const named = stringOption(context.values, 'rubric');
    const cycle = integerOption(context.values, 'cycle', rescoreCommand);
    if (named === undefined && cycle === undefined) throw new UsageError('--rubric ID@VERSION is required, or --cycle Y to re-score with the pack in force for Y', rescoreCommand);
    if (named !== undefined && !PackRefSchema.safeParse(named).success) throw new UsageError(`"${named}" is not a rubric name; expected id@version`, rescoreCommand);
    // Files are checked before the database is opened: a bad file refuses the whole run.
    const documents = context.positionals.map((file) => {
      const document = readJsonFile(file);
      parseAssessmentDocument(document, file);
      return { source: file, document };
    });
    const { rubric, rows } = await callCore(await context.core(), 'scoring.rescore', { ...(named === undefined ? {} : { rubric: named }), ...(cycle === undefined ? {} : { cycle }), documents });
    const human =
      rows.length === 0
        ? `No signed assessments${cycle === undefined ? '' : ` of cycle ${cycle}`} and no files to re-score.`
        : formatTable(
            ['source', 'unit', 'cycle', 'old rubric', 'old total/stars', `new (${rubric})`, 'change'],
            rows.map((row) => [row.source, row.unit, String(row.cycle), row.old.rubric, cell(row.old), cell(row.new), delta(row)]),
          );
    context.print({ rubric, rows }, human);
  },
};
