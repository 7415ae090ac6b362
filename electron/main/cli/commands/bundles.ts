/**
 * `dingxing export --out FILE.dxb [--full]`, `dingxing export --city --out FILE.dxb` and
 * `dingxing import FILE.dxb…`: signed bundles from laptops to the city office and back
 * (docs/bundle-format.md); import takes either kind. Export signs with the workstation
 * key (DINGXING_KEY_PASSPHRASE, or a prompt at a terminal). A bundle crosses the dispatcher in
 * pieces, as it does for the app, so a season's bundle is never whole in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '@shared/bundle/report';
import type { CliCommand } from '../command';
import { callCore } from '../call-core';
import type { CliCore } from '../call-core';
import { downloadTo, uploadFile } from '../file-transfers';
import { outFile } from './certificates';

function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, count]) => count > 0).map(([table, count]) => `${table} ${count}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export const exportCommand: CliCommand = {
  path: ['export'],
  summary: 'Write a signed bundle (.dxb) of everything not yet exported, or everything with --full; --city: the city office’s bundle for laptops',
  options: {
    out: { type: 'string', help: 'FILE.dxb  where to write the bundle' },
    full: { type: 'boolean', help: 'everything, not only what changed since the last export' },
    city: { type: 'boolean', help: 'the city office’s bundle for laptops: rubric packs, trust roster, revocations, district inputs, receipts, and for each enrolled workstation’s districts the registry (units with official stars, star history, 整改 items, current plaques) and the plan (always complete)' },
  },
  async run(context) {
    const target = outFile(context, exportCommand, '.dxb');
    const city = context.values.city === true;
    const core = await context.core();
    let last = 0;
    const onProgress = (done: number, total: number) => {
      if (!context.json && total > 1000 && (done === total || done - last >= 5000)) {
        last = done;
        context.io.stderr(`  ${done}/${total}\n`);
      }
    };
    const fileName = path.basename(target);
    const exported = city ? await callCore(core, 'bundles.exportCity', { fileName }, { onProgress }) : await callCore(core, 'bundles.export', { full: context.values.full === true, fileName }, { onProgress });
    await downloadTo(core, exported.download.downloadId, target);
    // Only a bundle under its name counts as sent: killed before this, the next export carries it all again.
    await callCore(core, 'bundles.exportSaved', { downloadId: exported.download.downloadId });
    const { download: _download, fileName: _fileName, ...result } = { ...exported, file: target };
    context.print(result, [`已导出${city ? '市级' : ''}数据包 (${city ? 'city ' : ''}bundle written): ${target}`, `  序号 sequence ${result.sequence}${result.full ? ' (full)' : ''}, ${result.bytes} bytes`, `  ${countsText(result.counts)}`].join('\n'));
  },
};

function reportText(report: ImportReport): string {
  const lines = [`${report.file}: ${report.status === 'imported' ? '已导入 imported' : '已拒收 REFUSED'}${report.source ? ` · ${report.source.name} (${report.source.workstationId}) #${report.sequence}` : ''}`];
  if (report.status === 'refused') {
    for (const refusal of report.refused) lines.push(`  ✗ ${refusal.entry}: ${refusal.reason} (${refusal.reasonEn})`);
    lines.push('  未写入任何数据 (nothing was written)');
    return lines.join('\n');
  }
  lines.push(`  新增 added:            ${countsText(report.added)}`);
  lines.push(`  更新 updated:          ${countsText(report.updated)}`);
  lines.push(`  已有 already present:  ${countsText(report.alreadyPresent)}`);
  lines.push(`  关联 linked units:     ${report.linked.length}`);
  for (const link of report.linked) lines.push(`    ${link.name}: ${link.aliasId} → ${link.unitId} (${link.by})`);
  lines.push(`  冲突 conflicts:        ${report.conflicts.length}${report.conflicts.length > 0 ? '  (dingxing conflicts list)' : ''}`);
  for (const conflict of report.conflicts) lines.push(`    ${conflict.id} ${conflict.table} ${conflict.recordId}: ${conflict.reason}`);
  if (report.sequenceGaps.length > 0) lines.push(`  缺少数据包 missing bundles from this workstation: #${report.sequenceGaps.join(', #')}`);
  return lines.join('\n');
}

/** An upload, or an empty file (an upload needs bytes) in one call: the import refuses it with its report. */
async function bundleInput(core: CliCore, file: string): Promise<{ uploadId: string } | { fileName: string; contentBase64: string }> {
  const empty = fs.existsSync(file) && fs.statSync(file).isFile() && fs.statSync(file).size === 0;
  return empty ? { fileName: path.basename(file), contentBase64: '' } : { uploadId: await uploadFile(core, file) };
}

export const importCommand: CliCommand = {
  path: ['import'],
  summary: 'Verify signed bundles (.dxb) and merge them; prints what was added, already present, linked, held as conflicts or refused',
  args: 'FILE.dxb…',
  positionals: { min: 1 },
  async run(context) {
    const core = await context.core();
    const reports: ImportReport[] = [];
    for (const file of context.positionals) reports.push(await callCore(core, 'bundles.importAny', await bundleInput(core, file)));
    const refused = reports.filter((report) => report.status === 'refused').length;
    context.print({ reports, refused }, reports.map(reportText).join('\n'));
    return refused > 0 ? 1 : 0;
  },
};
