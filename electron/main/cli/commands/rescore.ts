/**
 * `dingxing rescore [--rubric ID] [--cycle Y] [--all] [FILE.json…]`: old and new total/stars side by
 * side for what the other rubric changes (every one with --all), then a count; changes nothing.
 * Without --rubric, the pack in force for the cycle (e.g. one a city bundle brought). --json always
 * lists every row, with the counts.
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

/** The same total and stars under both rubrics, both scored: nothing to show a person. */
function unchanged(row: RescoreRow): boolean {
  return row.old.error === null && row.new.error === null && row.old.total === row.new.total && row.old.awardedStars === row.new.awardedStars;
}

function countLine(rows: readonly RescoreRow[], rubric: string): string {
  const same = rows.filter(unchanged).length;
  const starsChanged = rows.filter((row) => !unchanged(row) && row.old.awardedStars !== row.new.awardedStars).length;
  return `按 ${rubric} 重新计分 ${rows.length} 份：${rows.length - same} 份有变化（其中星级变化 ${starsChanged} 份），${same} 份不变 / re-scored ${rows.length} under ${rubric}: ${rows.length - same} changed (${starsChanged} with other stars), ${same} unchanged`;
}

export const rescoreCommand: CliCommand = {
  path: ['rescore'],
  summary: 'Show how assessments (signed ones in the database, and files) would score under another rubric version',
  args: '[--rubric ID@VERSION] [--cycle Y] [--all] [FILE.json…]',
  positionals: { min: 0 },
  options: {
    rubric: { type: 'string', help: 'ID@VERSION  the rubric pack to re-score with (default with --cycle: the pack in force for that cycle)' },
    cycle: { type: 'string', help: 'Y  only stored assessments of this cycle' },
    all: { type: 'boolean', help: 'list every assessment, the unchanged ones too (default: only what changed, then the count)' },
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
    const shown = context.values.all === true ? rows : rows.filter((row) => !unchanged(row));
    const table =
      shown.length === 0
        ? ''
        : `${formatTable(
            ['source', 'unit', 'cycle', 'old rubric', 'old total/stars', `new (${rubric})`, 'change'],
            shown.map((row) => [row.source, row.unit, String(row.cycle), row.old.rubric, cell(row.old), cell(row.new), delta(row)]),
          )}\n`;
    const human = rows.length === 0 ? `No signed assessments${cycle === undefined ? '' : ` of cycle ${cycle}`} and no files to re-score.` : `${table}${countLine(rows, rubric)}`;
    const changed = rows.filter((row) => !unchanged(row)).length;
    context.print({ rubric, rows, changed, unchanged: rows.length - changed }, human);
  },
};
