/**
 * `dingxing trust add FILE [--districts CODE,…] | list | revoke ID | districts ID --set CODE,… |
 * acknowledge WARNING_ID`: the trust store of enrolled workstations, through the same procedures as
 * 数据交换 › 信任库. Compare the printed fingerprint with the one the laptop shows (`dingxing
 * identity show`) by phone. A workstation's districts decide which registry its city bundles
 * carry. A bundle refused for its audit chain leaves a warning on the entry until someone
 * acknowledges it.
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
    const status = outcome.created ? '已登记 (enrolled)' : outcome.districtsChanged ? '已登记过，已改服务的区 (already enrolled; districts changed)' : '已登记过，未改变 (already enrolled; unchanged)';
    const lines = [`${status}: ${what} ${entry.name} (${entry.workstationId})`, `  指纹 fingerprint: ${entry.fingerprint}`];
    if (entry.kind === 'workstation') lines.push(`  代码 code: ${entry.code ?? '—'}`, `  服务的区 districts: ${districtsText(entry)}`);
    context.print(outcome, lines.join('\n'));
  },
};

export const trustListCommand: CliCommand = {
  path: ['trust', 'list'],
  summary: 'List the enrolled workstations with their fingerprints, codes and districts',
  async run(context) {
    const entries = await callCore(await context.core(), 'trust.list', {});
    const table = formatTable(
      ['工作站 id', '名称 name', '类别 kind', '代码 code', '区 districts', '指纹 fingerprint', '登记 enrolled', '状态 status'],
      entries.map((entry) => {
        const open = entry.warnings.filter((warning) => warning.acknowledgedAt === null).length;
        const status = entry.revokedAt ? `已撤销 revoked ${entry.revokedAt.slice(0, 10)}` : open > 0 ? `有效，${open} 条警告待确认 / trusted, ${open} warning${open === 1 ? '' : 's'} to acknowledge` : '有效 trusted';
        return [entry.workstationId, entry.name, entry.kind === 'city' ? '市指挥部 city' : '工作站 workstation', entry.code ?? '—', districtsText(entry), entry.fingerprint, entry.enrolledAt.slice(0, 10), status];
      }),
    );
    const warnings = entries.flatMap((entry) =>
      entry.warnings
        .filter((warning) => warning.acknowledgedAt === null)
        .map((warning) => `  ⚠ ${warning.id}  ${entry.name}  ${warning.createdAt.slice(0, 16).replace('T', ' ')}  数据包 bundle ${warning.sequence ?? '?'}\n    ${warning.message}\n    ${warning.messageEn}`),
    );
    const text = entries.length === 0 ? '信任库为空 (the trust store is empty)' : [table, ...(warnings.length > 0 ? ['', '待确认的警告（dingxing trust acknowledge ID --note TEXT）/ warnings to acknowledge:', ...warnings] : [])].join('\n');
    context.print(entries, text);
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

export const trustAcknowledgeCommand: CliCommand = {
  path: ['trust', 'acknowledge'],
  summary: 'Acknowledge a warning on a trust entry (a bundle refused for its audit chain) once you have looked into it',
  args: 'WARNING_ID',
  positionals: { min: 1, max: 1 },
  options: { note: { type: 'string', help: 'TEXT  what you found (kept with the acknowledgment)' } },
  async run(context) {
    const note = stringOption(context.values, 'note');
    const warning = await callCore(await context.core(), 'trust.acknowledgeWarning', { id: context.positionals[0] as string, ...(note !== undefined ? { note } : {}) });
    context.print(warning, `已确认警告 (acknowledged): ${warning.id} ${warning.acknowledgedAt ?? ''}`);
  },
};
