/** `dingxing rubric import FILE | list | show REF`: the rubric packs of this database. */
import { DxError } from '@shared/api/errors';
import { PackRefSchema } from '@shared/rubric/pack-ref';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { readJsonFile } from '../read-json-file';
import { findPack, listPacks, addPack } from '../../rubric/pack-store';
import { formatTable } from '../text/table';

export const rubricImportCommand: CliCommand = {
  path: ['rubric', 'import'],
  summary: 'Add a rubric pack (JSON) after validating it; a stored id@version never changes',
  args: 'FILE',
  positionals: { min: 1, max: 1 },
  async run(context) {
    const file = context.positionals[0] as string;
    const json = readJsonFile(file);
    const core = await context.core();
    const { services } = core;
    const result = services.db.transaction(() => {
      const added = addPack(services.db, json, 'import', services.workstation.id, services.platform.now());
      if (added.added) services.audit({ actor: 'cli', action: 'rubric.import', subject: added.ref, data: { sha256: added.sha256 } });
      return added;
    }).immediate();
    context.print(
      result,
      result.added
        ? `Added rubric pack ${result.ref} (${result.type}), sha256 ${result.sha256}`
        : `Rubric pack ${result.ref} is already stored with the same content (sha256 ${result.sha256}); nothing changed`,
    );
  },
};

export const rubricListCommand: CliCommand = {
  path: ['rubric', 'list'],
  summary: 'List the rubric packs in the database',
  async run(context) {
    const core = await context.core();
    const packs = listPacks(core.services.db);
    context.print(
      packs,
      packs.length === 0
        ? 'No rubric packs.'
        : formatTable(
            ['ref', 'type', 'sha256', 'origin', 'title'],
            packs.map((pack) => [pack.ref, pack.type, `${pack.sha256.slice(0, 12)}…`, pack.origin, pack.title.zh]),
          ),
    );
  },
};

function describeStarPack(pack: Extract<NonNullable<ReturnType<typeof findPack>>['pack'], { type: 'star' }>): string[] {
  const lines: string[] = [];
  const rows: string[][] = [];
  const describe = (item: (typeof pack.categories)[number]['items'][number], group: string) => {
    const numbers = Object.entries(item)
      .filter(([key, value]) => typeof value === 'number' && key !== 'inferred')
      .map(([key, value]) => `${key} ${value}`)
      .join(', ');
    const applies = item.appliesTo ? [item.appliesTo.kinds?.join('/'), item.appliesTo.industries?.join('/')].filter(Boolean).join(' ') : '';
    rows.push([item.id, group, item.kind, numbers, applies, item.label.zh]);
  };
  for (const category of pack.categories) for (const item of category.items) describe(item, `${category.id} (${category.max})`);
  for (const item of pack.addOns.items) describe(item, `add-on (cap ${pack.addOns.cap})`);
  for (const item of pack.vetoes.items) describe(item, 'veto');
  lines.push(formatTable(['item', 'group', 'kind', 'rule', 'applies to', 'content'], rows));
  lines.push('');
  for (const level of pack.stars) {
    const conditions = level.conditions.map((condition) => `${condition.item} ${condition.measure} ${condition.op} ${condition.value}`).join(' and ');
    lines.push(`${level.label.zh} ${level.stars}: total ≥ ${level.min}${conditions ? ` and ${conditions}` : ''}`);
  }
  lines.push(`maxStepUp ${pack.decision.maxStepUp}, vetoLockoutMonths ${pack.decision.vetoLockoutMonths}`);
  return lines;
}

export const rubricShowCommand: CliCommand = {
  path: ['rubric', 'show'],
  summary: 'Show one rubric pack (id@version) with its sha256; --json prints the whole pack',
  args: 'ID@VERSION',
  positionals: { min: 1, max: 1 },
  async run(context) {
    const ref = context.positionals[0] as string;
    if (!PackRefSchema.safeParse(ref).success) throw new UsageError(`"${ref}" is not a rubric name; expected id@version, e.g. wuhan-star@2026.1`, rubricShowCommand);
    const core = await context.core();
    const found = findPack(core.services.db, ref);
    if (found === undefined) throw new DxError('NOT_FOUND', `Rubric pack ${ref} is not in this database (see "dingxing rubric list")`, { ref });
    const header = [
      `${found.ref}  ${found.pack.title.zh} / ${found.pack.title.en}`,
      `type ${found.pack.type}, sha256 ${found.sha256}, origin ${found.summary.origin}, added ${found.summary.addedAt}`,
      `source: ${found.pack.source.zh}`,
      '',
    ];
    const body = found.pack.type === 'star' ? describeStarPack(found.pack) : [JSON.stringify(found.pack, null, 2)];
    context.print({ ...found.summary, pack: found.pack }, [...header, ...body].join('\n'));
  },
};
