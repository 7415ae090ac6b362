/**
 * `dingxing trust add FILE [--districts CODE,…] | list | revoke ID | districts ID --set CODE,…`:
 * the trust store of enrolled workstations, through the same procedures as 数据交换 › 信任库.
 * Compare the printed fingerprint with the one the laptop shows (`dingxing identity show`) by
 * phone. A workstation's districts decide which registry its city bundles carry.
 */
import fs from 'node:fs';
import { DxError } from '@shared/api/errors';
import type { TrustedWorkstation } from '@shared/api/procedures/bundles';
import type { CliCommand } from '../command';
import { stringOption, UsageError } from '../command';
import { callCore } from '../call-core';
import { formatTable } from '../text/table';

/** "420102,420103" → the codes; an empty value means none. */
function districtList(value: string): string[] {
  return value
    .split(/[,，、\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function districtsText(entry: TrustedWorkstation): string {
  if (entry.kind === 'city') return '—';
  return entry.districts.length > 0 ? entry.districts.join(',') : '（无 none）';
}

export const trustAddCommand: CliCommand = {
  path: ['trust', 'add'],
  summary: 'Enroll a workstation from its identity file (dingxing identity export) for the districts it serves; compare the fingerprint by phone',
  args: 'FILE',
  positionals: { min: 1, max: 1 },
  options: { districts: { type: 'string', help: 'CODE,…  the districts it serves (its city bundles carry their registry), e.g. 420102,420103' } },
  async run(context) {
    const file = context.positionals[0] as string;
    const districtsOption = stringOption(context.values, 'districts');
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new DxError('BAD_INPUT', `无法读取文件：${file} (cannot read the file: ${file})`);
    }
    const core = await context.core();
    const outcome = await callCore(core, 'trust.add', { identityJson: text, fileName: file, ...(districtsOption !== undefined ? { districts: districtList(districtsOption) } : {}) });
    const entry = outcome.entry;
    const what = entry.kind === 'city' ? '市指挥部 city office' : '工作站 workstation';
    const lines = [`${outcome.created ? '已登记 (enrolled)' : '已登记过，未改变 (already enrolled; unchanged)'}: ${what} ${entry.name} (${entry.workstationId})`, `  指纹 fingerprint: ${entry.fingerprint}`];
    if (entry.kind === 'workstation') lines.push(`  代码 code: ${entry.code ?? '—'}`, `  服务的区 districts: ${districtsText(entry)}`);
    context.print(outcome, lines.join('\n'));
  },
};

export const trustListCommand: CliCommand = {
  path: ['trust', 'list'],
  summary: 'List the enrolled workstations with their fingerprints, codes and districts',
  async run(context) {
    const core = await context.core();
    const entries = await callCore(core, 'trust.list', {});
    const table = formatTable(
      ['工作站 id', '名称 name', '类别 kind', '代码 code', '区 districts', '指纹 fingerprint', '登记 enrolled', '状态 status'],
      entries.map((entry) => [
        entry.workstationId,
        entry.name,
        entry.kind === 'city' ? '市指挥部 city' : '工作站 workstation',
        entry.code ?? '—',
        districtsText(entry),
        entry.fingerprint,
        entry.enrolledAt.slice(0, 10),
        entry.revokedAt ? `已撤销 revoked ${entry.revokedAt.slice(0, 10)}` : '有效 trusted',
      ]),
    );
    context.print(entries, entries.length === 0 ? '信任库为空 (the trust store is empty)' : table);
  },
};

export const trustRevokeCommand: CliCommand = {
  path: ['trust', 'revoke'],
  summary: 'Revoke an enrolled workstation: its bundles are refused from now on',
  args: 'ID',
  positionals: { min: 1, max: 1 },
  options: { reason: { type: 'string', help: 'TEXT  why (kept with the revocation)' } },
  async run(context) {
    const core = await context.core();
    const reason = stringOption(context.values, 'reason');
    const entry = await callCore(core, 'trust.revoke', { workstationId: context.positionals[0] as string, ...(reason !== undefined ? { reason } : {}) });
    context.print(entry, `已撤销信任 (revoked): ${entry.name} (${entry.workstationId}) ${entry.revokedAt}`);
  },
};

export const trustDistrictsCommand: CliCommand = {
  path: ['trust', 'districts'],
  summary: 'Set the districts an enrolled workstation serves: its city bundles carry their registry (--set "" for none)',
  args: 'ID',
  positionals: { min: 1, max: 1 },
  options: { set: { type: 'string', help: 'CODE,…  the districts, e.g. 420102,420103' } },
  async run(context) {
    const value = stringOption(context.values, 'set');
    if (value === undefined) throw new UsageError('trust districts needs --set CODE,… (or --set "" for none)', trustDistrictsCommand);
    const core = await context.core();
    const entry = await callCore(core, 'trust.setDistricts', { workstationId: context.positionals[0] as string, districts: districtList(value) });
    context.print(entry, `已设置 (set): ${entry.name} (${entry.workstationId}) 服务的区 districts: ${districtsText(entry)}`);
  },
};
