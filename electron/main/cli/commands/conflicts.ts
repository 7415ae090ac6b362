/** `dingxing conflicts list` / `conflicts resolve ID --keep local|incoming`: records held by a bundle import for a person. */
import type { CliCommand } from '../command';
import { stringOption, UsageError } from '../command';
import { callCore } from '../call-core';

export const conflictsListCommand: CliCommand = {
  path: ['conflicts', 'list'],
  summary: 'List the records a bundle import held as conflicts (both versions side by side with --json)',
  options: { all: { type: 'boolean', help: 'resolved ones too' } },
  async run(context) {
    // Named as people know the record and its source, as the app shows them (ids stay for `resolve`).
    const conflicts = await callCore(await context.core(), 'bundles.conflicts', { status: context.values.all === true ? 'all' : 'open' });
    const lines = conflicts.map((conflict) => {
      const changed = Object.keys(conflict.incoming).filter((key) => JSON.stringify(conflict.incoming[key]) !== JSON.stringify(conflict.local?.[key]));
      const what = [conflict.subject.name ?? conflict.subject.unitName, conflict.subject.cycle === null ? null : `${conflict.subject.cycle}`].filter((part) => part !== null).join(' · ');
      return `${conflict.id}  ${conflict.table} ${what || conflict.recordId}  ${conflict.status}${conflict.resolution ? ` (${conflict.resolution})` : ''}\n  来自 from: ${conflict.sourceName ?? conflict.source}\n  ${conflict.reason}\n  不同字段 differing fields: ${changed.join(', ')}`;
    });
    context.print(conflicts, conflicts.length === 0 ? '没有待处理的冲突 (no conflicts to resolve)' : lines.join('\n'));
  },
};

export const conflictsResolveCommand: CliCommand = {
  path: ['conflicts', 'resolve'],
  summary: 'Resolve a conflict: --keep local (the version here) or --keep incoming (the bundle’s)',
  args: 'ID',
  positionals: { min: 1, max: 1 },
  options: { keep: { type: 'string', help: 'local|incoming  which version stays' } },
  async run(context) {
    const keep = stringOption(context.values, 'keep');
    if (keep !== 'local' && keep !== 'incoming') throw new UsageError('--keep local or --keep incoming is required', conflictsResolveCommand);
    const resolved = await callCore(await context.core(), 'bundles.resolveConflict', { id: context.positionals[0] as string, keep: keep === 'local' ? 'keep-local' : 'take-incoming' });
    context.print(resolved, `冲突已处理 (conflict resolved): ${resolved.id} → ${resolved.resolution}`);
  },
};
