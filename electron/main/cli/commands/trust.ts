/**
 * `dingxing trust add FILE | list | revoke ID | acknowledge WARNING_ID`: the trust store of
 * enrolled workstations. Compare the printed fingerprint with the one the laptop shows (`dingxing
 * identity show`) by phone. A bundle refused for its audit chain leaves a warning on the entry
 * until someone acknowledges it.
 */
import fs from 'node:fs';
import { DxError } from '@shared/api/errors';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { callCore } from '../call-core';
import { formatTable } from '../text/table';
import { enroll, parseIdentityFile, revokeTrust } from '../../bundles/trust-store';
import { appendAudit } from '../../audit/audit-log';
import { cliActor } from '../../users/cli-actor';

export const trustAddCommand: CliCommand = {
  path: ['trust', 'add'],
  summary: 'Enroll a workstation from its identity file (dingxing identity export); compare the fingerprint by phone',
  args: 'FILE',
  positionals: { min: 1, max: 1 },
  async run(context) {
    const file = context.positionals[0] as string;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new DxError('BAD_INPUT', `无法读取文件：${file} (cannot read the file: ${file})`);
    }
    const identity = parseIdentityFile(text, file);
    const core = await context.core();
    const services = core.services;
    const actor = cliActor().userId;
    const outcome = enroll(services.db, identity, services.workstation.id, actor, services.platform.now());
    if (outcome.created) appendAudit(services.db, services.workstation.id, { actor, action: 'trust.add', subject: identity.workstationId, data: { fingerprint: outcome.entry.fingerprint, name: identity.workstationName } }, services.platform.now());
    const what = outcome.entry.kind === 'city' ? '市指挥部 city office' : '工作站 workstation';
    context.print(outcome, `${outcome.created ? '已登记 (enrolled)' : '已登记过，未改变 (already enrolled; unchanged)'}: ${what} ${outcome.entry.name} (${outcome.entry.workstationId})\n  指纹 fingerprint: ${outcome.entry.fingerprint}`);
  },
};

export const trustListCommand: CliCommand = {
  path: ['trust', 'list'],
  summary: 'List the enrolled workstations with their fingerprints',
  async run(context) {
    const entries = await callCore(await context.core(), 'trust.list', {});
    const table = formatTable(
      ['工作站 id', '名称 name', '类别 kind', '指纹 fingerprint', '登记 enrolled', '状态 status'],
      entries.map((entry) => {
        const open = entry.warnings.filter((warning) => warning.acknowledgedAt === null).length;
        const status = entry.revokedAt ? `已撤销 revoked ${entry.revokedAt.slice(0, 10)}` : open > 0 ? `有效，${open} 条警告待确认 / trusted, ${open} warning${open === 1 ? '' : 's'} to acknowledge` : '有效 trusted';
        return [entry.workstationId, entry.name, entry.kind === 'city' ? '市指挥部 city' : '工作站 workstation', entry.fingerprint, entry.enrolledAt.slice(0, 10), status];
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
    const services = core.services;
    const actor = cliActor().userId;
    const entry = revokeTrust(services.db, context.positionals[0] as string, actor, stringOption(context.values, 'reason') ?? null, services.platform.now());
    appendAudit(services.db, services.workstation.id, { actor, action: 'trust.revoke', subject: entry.workstationId, data: { reason: entry.revokeReason } }, services.platform.now());
    context.print(entry, `已撤销信任 (revoked): ${entry.name} (${entry.workstationId}) ${entry.revokedAt}`);
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
