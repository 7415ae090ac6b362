// A workstation to call every procedure of the contract against: users of each role, keys that
// unlock without asking, and the files other workstations would send (a laptop's bundle, the
// city office's bundle, identity files), made once and shared by every world.
import fs from 'node:fs';
import path from 'node:path';
import type { CallResult } from '@shared/api/call-result';
import { DxError } from '@shared/api/errors';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '@shared/api/contract';
import type { Role } from '@shared/domain/roles';
import type { Core } from '../../../electron/main/host/core';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../../helpers/keys';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { hashPassword } from '../../../electron/main/users/password-hash';
import { insertUser } from '../../../electron/main/users/user-store';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { fullAnswers } from '../../unit/assessments/fixtures';

export const passphrase = 'doors passphrase';
export const password = 'doors-password-1';
/** Users for the doors that log in: one with every role, and one per role for refusals. */
export const people: Record<'tester' | Role, Role[]> = { tester: ['inspector', 'leader', 'city', 'admin'], inspector: ['inspector'], leader: ['leader'], city: ['city'], admin: ['admin'] };

export const fixedNow = new Date('2026-11-25T10:00:00+08:00');

export interface Mail {
  laptopIdentityJson: string;
  cityIdentityJson: string;
  laptopBundle: { fileName: string; contentBase64: string };
  cityBundle: { fileName: string; contentBase64: string };
}

export interface World {
  core: Core;
  mail: Mail;
  /** Calls as the command line does (every role, `cli:<account>`), for setting things up. */
  setup<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  unit(): Promise<string>;
  /** A draft of a new unit with every answer given. */
  completeDraft(): Promise<string>;
  submitted(): Promise<string>;
  signed(): Promise<string>;
  certificate(): Promise<string>;
  userId(name: string): string;
}

/** Keys that unlock without a prompt, but that background checkpoints leave alone (as if asking): each call's writes are its own. */
class OnDemandKeyStore extends PassphraseKeyStore {
  readonly asks = true;
}

/** A core whose keys were made on purpose beforehand, as `dingxing identity create` makes them. */
export async function openWorldCore(): Promise<Core> {
  const core = await testCore({ platform: nodePlatform({ keyStore: new OnDemandKeyStore(passphrase), fontsDir: path.resolve('build/fonts'), now: () => fixedNow }) });
  await makeKeys(core, passphrase, fixedNow);
  return core;
}

function unwrap<T>(result: CallResult): T {
  if (!result.ok) throw DxError.from(result.error);
  return result.value as T;
}

async function identityJson(core: Core, city: boolean): Promise<string> {
  const cli = { actor: cliActor() };
  const identity = unwrap<Record<string, unknown> | null>(await core.dispatcher.dispatch('identity.show', {}, cli));
  if (identity === null) throw new Error('the workstation has no keys yet');
  return JSON.stringify({ ...identity, ...(city ? { kind: 'city' } : {}) });
}

async function downloadBase64(core: Core, downloadId: string): Promise<string> {
  const cli = { actor: cliActor() };
  const pieces: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const piece: { dataBase64: string; nextOffset: number | null } = unwrap(await core.dispatcher.dispatch('files.readDownload', { downloadId, offset }, cli));
    pieces.push(Buffer.from(piece.dataBase64, 'base64'));
    offset = piece.nextOffset;
  }
  return Buffer.concat(pieces).toString('base64');
}

let mail: Promise<Mail> | undefined;

/** What a laptop and the city office send: made once per test file. */
export function theMail(): Promise<Mail> {
  mail ??= (async () => {
    const cli = { actor: cliActor() };
    const laptop = await openWorldCore();
    const city = await openWorldCore();
    // A signed checkpoint in each, as a season's work leaves one.
    await laptop.checkpoints.sign('manual');
    await city.checkpoints.sign('manual');
    const laptopIdentityJson = await identityJson(laptop, false);
    const cityIdentityJson = await identityJson(city, true);
    unwrap(await laptop.dispatcher.dispatch('units.create', { name: '江汉区测试物流有限公司', kind: 'enterprise', districtCode: '420103' }, cli));
    const laptopExport = unwrap<{ fileName: string; download: { downloadId: string } }>(await laptop.dispatcher.dispatch('bundles.export', { full: true }, cli));
    const cityExport = unwrap<{ fileName: string; download: { downloadId: string } }>(await city.dispatcher.dispatch('bundles.exportCity', {}, cli));
    return {
      laptopIdentityJson,
      cityIdentityJson,
      laptopBundle: { fileName: laptopExport.fileName, contentBase64: await downloadBase64(laptop, laptopExport.download.downloadId) },
      cityBundle: { fileName: cityExport.fileName, contentBase64: await downloadBase64(city, cityExport.download.downloadId) },
    };
  })();
  return mail;
}

export async function world(): Promise<World> {
  const core = await openWorldCore();
  const cli = { actor: cliActor() };
  const setup = async <N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>> => unwrap(await core.dispatcher.dispatch(name, input, cli));
  const hash = await hashPassword(password);
  const ids = new Map<string, string>();
  for (const [name, roles] of Object.entries(people)) ids.set(name, insertUser(core.services.db, { name, displayName: name, roles, passwordHash: hash }, fixedNow).id);
  let serial = 0;
  const unit = async () => {
    serial += 1;
    return (await setup('units.create', { name: `门户测试单位${serial}`, kind: 'enterprise', districtCode: '420105' })).id;
  };
  const completeDraft = async () => {
    const draft = await setup('assessments.start', { unitId: await unit(), cycle: 2026, assessedOn: '2026-11-20' });
    await setup('assessments.saveDraft', { id: draft.id, answers: fullAnswers(draft.form) });
    return draft.id;
  };
  const submitted = async () => {
    const id = await completeDraft();
    await setup('assessments.submit', { id });
    return id;
  };
  const signed = async () => {
    const id = await submitted();
    await setup('assessments.sign', { id });
    return id;
  };
  return {
    core,
    mail: await theMail(),
    setup,
    unit,
    completeDraft,
    submitted,
    signed,
    async certificate() {
      return (await setup('certificates.issue', { assessmentId: await signed() })).certificate.id;
    },
    userId(name) {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`no user ${name}`);
      return id;
    },
  };
}

export function unitsCsv(tag: string): string {
  return fs
    .readFileSync('docs/examples/units.csv', 'utf8')
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : line.replace(/^([^,]+),/, `$1${tag},`).replace(/,(9[0-9A-Z]{17}|1[0-9A-Z]{17}),/, ',,')))
    .join('\n');
}

export const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function scratchDir(): string {
  return tempDir('dingxing-doors-');
}
