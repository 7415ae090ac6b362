/**
 * `dingxing identity show|export --out FILE`: this workstation's public identity (id, Ed25519
 * public key and fingerprint, PDF-signing certificate). The keys are made on first need, which
 * asks for the passphrase that will protect them.
 */
import type { CliCommand } from '../command';
import { readPublicIdentity } from '../../crypto/identity';
import type { PublicIdentity } from '../../crypto/identity';
import { unlockedKeys } from '../../certificates/deps';
import { cliCertificateDeps, outFile } from './certificates';
import type { CommandContext } from '../command';
import { writeFileRefusing } from '../write-output-file';

async function identityOf(context: CommandContext): Promise<PublicIdentity> {
  const deps = await cliCertificateDeps(context);
  return readPublicIdentity(deps.db, deps.workstation) ?? (await unlockedKeys(deps)).publicIdentity;
}

export const identityShowCommand: CliCommand = {
  path: ['identity', 'show'],
  summary: 'Show this workstation’s identity: id, key fingerprint, certificate',
  async run(context) {
    const identity = await identityOf(context);
    context.print(identity, [`工作站 workstation:  ${identity.workstationName} (${identity.workstationId})`, `指纹 fingerprint:    ${identity.fingerprint}`, `Ed25519 public key:  ${identity.ed25519PublicKey}`, `created:             ${identity.createdAt}`].join('\n'));
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
