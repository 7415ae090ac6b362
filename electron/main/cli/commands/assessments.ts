/**
 * `dingxing assessments import FILE.json…`: record dingxing.assessment/1 documents as final
 * assessments signed by this workstation (all or nothing); `--json` prints the ids it recorded
 * (docs/assessments.md) as an array. `dingxing assessments list`: assessments by unit or cycle, an array with --json.
 */
import { DxError } from '@shared/api/errors';
import { maxDocumentsPerImport } from '@shared/limits';
import type { CliCommand } from '../command';
import { integerOption, stringOption, UsageError } from '../command';
import { readJsonFile } from '../read-json-file';
import { formatTable } from '../text/table';
import { depsOfServices } from '../../assessments/deps';
import { appendAll, importAssessmentDocuments, splitSources } from '../../assessments/import-documents';
import { cliActor } from '../../users/cli-actor';
import type { SourceDocument } from '../../assessments/import-documents';
import { listForUnit, listRecent } from '../../assessments/repository';
import { starGlyphs } from './units-list';

export const assessmentsImportCommand: CliCommand = {
  path: ['assessments', 'import'],
  summary: 'Record assessments (dingxing.assessment/1 JSON, one document or an array per file) as final; all or nothing',
  args: 'FILE.json…',
  positionals: { min: 1 },
  async run(context) {
    const sources: SourceDocument[] = [];
    const unreadable: DxError[] = [];
    for (const file of context.positionals) {
      try {
        appendAll(sources, splitSources(file, readJsonFile(file)));
      } catch (error) {
        if (!(error instanceof DxError)) throw error;
        unreadable.push(error);
      }
    }
    if (unreadable.length > 0) {
      throw new DxError('BAD_INPUT', `${unreadable.map((error) => error.message).join('; ')}; nothing was recorded`, {
        issues: unreadable.flatMap((error) => error.details?.issues ?? []),
      });
    }
    if (sources.length > maxDocumentsPerImport) {
      throw new DxError(
        'BAD_INPUT',
        `一次最多导入 ${maxDocumentsPerImport} 份评估，这次有 ${sources.length} 份；请分批导入，未记录任何评估 / at most ${maxDocumentsPerImport} assessments per import, these files hold ${sources.length}; import them in parts; nothing was recorded`,
      );
    }
    const core = await context.core();
    const outcome = importAssessmentDocuments(depsOfServices(core.services), cliActor(), sources);
    const recorded = outcome.filter((entry) => !entry.alreadyRecorded);
    const present = outcome.filter((entry) => entry.alreadyRecorded);
    const rows = recorded.map((entry) => [
      entry.source,
      entry.unitName + (entry.unitCreated ? ' (new)' : ''),
      String(entry.cycle),
      String(entry.total),
      starGlyphs(entry.awardedStars),
      entry.decidedBy,
      entry.id,
    ]);
    const lines = [
      `已记录 ${recorded.length} 份评估 (recorded ${recorded.length} assessment${recorded.length === 1 ? '' : 's'} as final)${recorded.length > 0 ? `:\n\n${formatTable(['file', 'unit', 'cycle', 'total', 'stars', 'decided by', 'id'], rows)}` : ''}`,
      ...(present.length > 0
        ? [`已存在，未重复记录 ${present.length} 份 (already recorded, nothing written for ${present.length}):`, ...present.map((entry) => `  ${entry.source} → ${entry.id}`)]
        : []),
    ];
    // --json keeps the documented shape (docs/assessments.md): the ids recorded by this run.
    context.print(
      recorded.map((entry) => entry.id),
      lines.join('\n'),
    );
  },
};

export const assessmentsListCommand: CliCommand = {
  path: ['assessments', 'list'],
  summary: 'List assessments of a unit, or the signed ones of a cycle',
  options: {
    unit: { type: 'string', help: 'ID  only this unit’s assessments (any status)' },
    cycle: { type: 'string', help: 'Y  only this cycle' },
    limit: { type: 'string', help: 'N  at most N rows (default 1000)' },
  },
  async run(context) {
    const unitId = stringOption(context.values, 'unit');
    const cycle = integerOption(context.values, 'cycle', assessmentsListCommand);
    const limit = integerOption(context.values, 'limit', assessmentsListCommand) ?? 1000;
    if (limit < 1) throw new UsageError('--limit must be 1 or more', assessmentsListCommand);
    const core = await context.core();
    const found = unitId !== undefined ? listForUnit(core.services.db, unitId).filter((entry) => cycle === undefined || entry.cycle === cycle).slice(0, limit) : listRecent(core.services.db, limit, cycle);
    const rows = found.map((entry) => [entry.id, entry.unitName, entry.districtName, String(entry.cycle), entry.assessedOn, entry.status, entry.total === null ? '' : String(entry.total), entry.awardedStars === null ? '' : starGlyphs(entry.awardedStars)]);
    context.print(
      found,
      found.length === 0 ? 'No assessments.' : formatTable(['id', 'unit', 'district', 'cycle', 'assessed on', 'status', 'total', 'stars'], rows),
    );
  },
};
