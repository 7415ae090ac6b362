/**
 * `dingxing identity create|show|export` and `dingxing workstation name`: this workstation's keys
 * (made only by `identity create`, protected by DINGXING_KEY_PASSPHRASE or a passphrase typed
 * twice), its public identity (id, name, Ed25519 public key and fingerprint, PDF-signing
 * certificate) for enrollment by the city office, and the name people know it by.
 */
import { DxError } from '@shared/api/errors';
import { WorkstationNameSchema } from '@shared/domain/workstation';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import type { PublicIdentity } from '@shared/domain/identity-file';
import { callCore } from '../call-core';
import { readNewKeyPassphrase } from '../read-password';
import { outFile } from './certificates';
import type { CommandContext } from '../command';
import { writeFileRefusing } from '../write-output-file';

/** The identity to hand out; refused (no keys yet: run `identity create`) before the keys were made. */
async function identityOf(context: CommandContext): Promise<PublicIdentity> {
  return callCore(await context.core(), 'identity.get', {});
}

function checkedName(raw: string): string {
  const checked = WorkstationNameSchema.safeParse(raw);
  if (!checked.success) {
    throw new DxError('BAD_INPUT', `工作站名称须为 1–60 个字符，不含控制字符：“${raw}” / a workstation name has 1–60 characters and no control characters: "${raw}"`, { issues: [{ path: ['name'], message: '1–60 characters, no control characters' }] });
  }
  return checked.data;
}

export const identityCreateCommand: CliCommand = {
  path: ['identity', 'create'],
  summary: 'Make this workstation’s signing keys, protected by DINGXING_KEY_PASSPHRASE or a passphrase typed twice (no other command makes them); --name: name the workstation too',
  options: { name: { type: 'string', help: 'NAME  the workstation’s name, as people know it (e.g. 汉阳区检查一组)' } },
  async run(context) {
    const rawName = stringOption(context.values, 'name');
    const name = rawName === undefined ? undefined : checkedName(rawName);
    const core = await context.core();
    // Refused before asking anything when the keys exist already.
    if ((await callCore(core, 'keys.status', {})).created) {
      throw new DxError('CONFLICT', '本工作站已有密钥，不能再创建 / this workstation already has its keys; they are not made twice', { reason: 'keys-exist' });
    }
    const passphrase = await readNewKeyPassphrase(identityCreateCommand);
    const status = await callCore(core, 'keys.create', { passphrase });
    if (name !== undefined) await callCore(core, 'workstation.setName', { name });
    const identity = await callCore(core, 'identity.get', {});
    context.print(
      { ...status, workstationId: identity.workstationId, workstationName: identity.workstationName },
      [`已创建工作站密钥 (workstation keys made): ${identity.workstationName} (${identity.workstationId})`, `指纹 fingerprint:  ${identity.fingerprint}`, '口令无法找回，请妥善保管 / the passphrase cannot be recovered: keep it safe'].join('\n'),
    );
  },
};

export const identityShowCommand: CliCommand = {
  path: ['identity', 'show'],
  summary: 'Show this workstation’s identity: name, id, key fingerprint, certificate',
  async run(context) {
    const core = await context.core();
    const identity = await callCore(core, 'identity.show', {});
    const { workstationId, workstationName, workstationNamed } = await callCore(core, 'system.status', {});
    if (!identity) {
      const document = { workstationId, workstationName, workstationNamed, keys: null };
      context.print(document, [`工作站 workstation:  ${workstationName} (${workstationId})`, '密钥 keys:           尚未创建，运行 dingxing identity create / not made yet: run dingxing identity create'].join('\n'));
      return;
    }
    context.print({ ...identity, workstationNamed }, [`工作站 workstation:  ${identity.workstationName} (${identity.workstationId})`, `指纹 fingerprint:    ${identity.fingerprint}`, `Ed25519 public key:  ${identity.ed25519PublicKey}`, `created:             ${identity.createdAt}`].join('\n'));
  },
};

export const identityExportCommand: CliCommand = {
  path: ['identity', 'export'],
  summary: 'Write this workstation’s public identity (JSON) for enrollment by the city office; --city: the city office’s, for laptops',
  options: { out: { type: 'string', help: 'FILE  where to write it' }, city: { type: 'boolean', help: 'mark it as the city office’s identity: laptops enroll it to accept its city bundles' } },
  async run(context) {
    const target = outFile(context, identityExportCommand, '');
    const city = context.values.city === true;
    const identity = { ...(await identityOf(context)), ...(city ? { kind: 'city' as const } : {}) };
    await writeFileRefusing(target, `${JSON.stringify(identity, null, 2)}\n`);
    context.print({ file: target, ...identity }, `已导出${city ? '市指挥部' : '工作站'}身份 (${city ? 'city office ' : ''}identity written): ${target}\n  fingerprint ${identity.fingerprint}`);
  },
};

export const workstationNameCommand: CliCommand = {
  path: ['workstation', 'name'],
  summary: 'Show this workstation’s name, or set it (shown in the app, on verification, in bundles and the trust store instead of an id)',
  args: '[NAME]',
  positionals: { min: 0, max: 1 },
  async run(context) {
    const given = context.positionals[0];
    const name = given === undefined ? undefined : checkedName(given);
    const core = await context.core();
    const workstation = name !== undefined
      ? await callCore(core, 'workstation.setName', { name })
      : await callCore(core, 'system.status', {}).then((status) => ({ id: status.workstationId, name: status.workstationName, named: status.workstationNamed }));
    const { id, named } = workstation;
    context.print({ workstationId: id, workstationName: workstation.name, workstationNamed: named }, named ? `工作站 workstation: ${workstation.name} (${id})` : `工作站 workstation: ${workstation.name} (${id}) — 尚未命名，显示的是计算机名；设置：dingxing workstation name 名称 / not named yet (the computer’s name stands in); set one: dingxing workstation name NAME`);
  },
};
