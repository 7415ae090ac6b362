/** `dingxing rescore --rubric ID [--cycle Y] [FILE.json…]`: old and new total/stars side by side; changes nothing. */
import { PackRefSchema } from '@shared/rubric/pack-ref';
import type { CliCommand } from '../command';
import { integerOption, stringOption, UsageError } from '../command';
import { readJsonFile } from '../read-json-file';
import { getRubricPack } from '../../rubric/pack-store';
import { rescoreDocument } from '../../scoring/rescore';
import { rescoreStored } from '../../scoring/rescore-stored';
import type { RescoreRow, RescoreSide } from '../../scoring/rescore';
import { parseAssessmentDocument } from '../../scoring/score-document';
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
  args: '--rubric ID [FILE.json…]',
  positionals: { min: 0 },
  options: {
    rubric: { type: 'string', help: 'ID@VERSION  the rubric pack to re-score with' },
    cycle: { type: 'string', help: 'Y  only stored assessments of this cycle' },
  },
  async run(context) {
    const rubric = stringOption(context.values, 'rubric');
    if (rubric === undefined) throw new UsageError('--rubric is required', rescoreCommand);
    if (!PackRefSchema.safeParse(rubric).success) throw new UsageError(`"${rubric}" is not a rubric name; expected id@version`, rescoreCommand);
    const cycle = integerOption(context.values, 'cycle', rescoreCommand);
    // Files are checked before the database is opened: a bad file refuses the whole run.
    const documents = context.positionals.map((file) => ({ file, document: parseAssessmentDocument(readJsonFile(file), file) }));
    const core = await context.core();
    const { db } = core.services;
    getRubricPack(db, rubric);
    const rows = [...rescoreStored(db, rubric, cycle), ...documents.map(({ file, document }) => rescoreDocument(db, document, file, rubric))];
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
