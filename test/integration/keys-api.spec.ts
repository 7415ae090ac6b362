// The workstation's keys through the contract: made once by an admin, unlocked and locked by a team leader or an
// admin for the running app, never made as a side effect; and the workstation's name, chosen by people.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeyStore } from '../../electron/main/crypto/key-store';
import { createIdentity } from '../../electron/main/crypto/identity';
import { contextOf } from '../helpers/context';
import { importAssessmentDocuments } from '../../electron/main/assessments/import-documents';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { nodePlatform } from '../../electron/main/platform/platform';
import { cliActor } from '../../electron/main/cli/cli-actor';
import type { Core } from '../../electron/main/host/core';
import { asAdmin, asInspector, asLeader } from '../helpers/actors';
import { testCore } from '../helpers/core';
import { assessmentDocument } from './certificates/world';

const passphrase = 'a passphrase for the keys';
const clock = () => new Date('2026-12-01T10:00:00Z');

async function serveLikeCore(keyStore: KeyStore | null = null): Promise<{ core: Core; assessmentId: string }> {
  const core = await testCore({ platform: nodePlatform({ keyStore, fontsDir: path.resolve('build/fonts'), now: clock }) });
  const [recorded] = importAssessmentDocuments(contextOf(core, cliActor(), clock), [{ source: 'test.json', json: assessmentDocument() }]);
  return { core, assessmentId: recorded!.id };
}

const count = (core: Core, table: string) => core.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const auditActions = (core: Core) => core.services.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'keys.%' OR action = 'workstation.setName' ORDER BY seq").pluck().all() as string[];

/** The desktop's keychain, as safeStorage would be: a method of its own that never asks anyone. */
function fakeKeychain(): KeyStore {
  return { method: 'safeStorage', protect: async (secret) => Buffer.from(secret.toString('hex')), unprotect: async (blob) => Buffer.from(blob.toString(), 'hex') };
}

describe('workstation keys', () => {
  it('are not made by signing: a plaque on a workstation without keys is refused, naming who makes them', async () => {
    const { core, assessmentId } = await serveLikeCore(new PassphraseKeyStore(passphrase));
    expect(await core.dispatcher.dispatch('keys.status', {}, asLeader)).toMatchObject({ ok: true, value: { created: false, unlocked: false, methods: [] } });
    const issued = await core.dispatcher.dispatch('certificates.issue', { assessmentId }, asLeader);
    expect(issued).toMatchObject({ ok: false, error: { code: 'REFUSED', details: { reason: 'no-keys' } } });
    expect(count(core, 'workstation_keys')).toBe(0);
  });

  it('are made by an admin alone, with a passphrase long enough, once', async () => {
    const { core, assessmentId } = await serveLikeCore();
    expect(await core.dispatcher.dispatch('keys.create', { passphrase }, asLeader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatcher.dispatch('keys.create', { passphrase: 'short' }, asAdmin)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['passphrase'] }] } } });
    expect(count(core, 'workstation_keys')).toBe(0);
    const created = await core.dispatcher.dispatch('keys.create', { passphrase }, asAdmin);
    expect(created).toMatchObject({ ok: true, value: { created: true, unlocked: true, automatic: false, methods: ['passphrase'], fingerprint: expect.stringMatching(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/) } });
    expect(await core.dispatcher.dispatch('keys.create', { passphrase: 'another passphrase' }, asAdmin)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'keys-exist' } } });
    // Made by a person who typed the passphrase: they stay unlocked for this run, so the plaque goes out at once.
    expect(await core.dispatcher.dispatch('certificates.issue', { assessmentId }, asLeader)).toMatchObject({ ok: true, value: { created: true } });
  });

  it('are locked and unlocked by a team leader for the running app; a wrong passphrase changes nothing', async () => {
    const { core, assessmentId } = await serveLikeCore();
    await core.dispatcher.dispatch('keys.create', { passphrase }, asAdmin);
    expect(await core.dispatcher.dispatch('keys.lock', {}, asInspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatcher.dispatch('keys.lock', {}, asLeader)).toMatchObject({ ok: true, value: { created: true, unlocked: false } });
    expect(await core.dispatcher.dispatch('certificates.issue', { assessmentId }, asLeader)).toMatchObject({ ok: false, error: { code: 'REFUSED', details: { reason: 'keys-locked' } } });
    expect(await core.dispatcher.dispatch('keys.unlock', { passphrase }, asInspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatcher.dispatch('keys.unlock', { passphrase: 'not the passphrase' }, asLeader)).toMatchObject({ ok: false, error: { code: 'REFUSED', details: { reason: 'wrong-passphrase' } } });
    expect(await core.dispatcher.dispatch('keys.status', {}, asInspector)).toMatchObject({ ok: true, value: { unlocked: false } });
    expect(count(core, 'certificates')).toBe(0);
    expect(await core.dispatcher.dispatch('keys.unlock', { passphrase }, asLeader)).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(await core.dispatcher.dispatch('certificates.issue', { assessmentId }, asLeader)).toMatchObject({ ok: true, value: { certificate: { number: 'WH-2026-420105-000001' } } });
    expect(auditActions(core)).toEqual(['keys.create', 'keys.lock', 'keys.unlock']);
  });

  it('on the desktop are made with the keychain beside the passphrase, and keys first made with the keychain alone get the passphrase added', async () => {
    const { core } = await serveLikeCore(fakeKeychain());
    expect(await core.dispatcher.dispatch('keys.create', { passphrase }, asAdmin)).toMatchObject({ ok: true, value: { methods: ['passphrase', 'safeStorage'], automatic: true, unlocked: true } });

    const older = await serveLikeCore(fakeKeychain());
    await createIdentity(older.core.services.db, older.core.services.workstation, [fakeKeychain()], clock());
    expect(await older.core.dispatcher.dispatch('keys.status', {}, asLeader)).toMatchObject({ ok: true, value: { methods: ['safeStorage'], automatic: true } });
    expect(await older.core.dispatcher.dispatch('keys.create', { passphrase }, asAdmin)).toMatchObject({ ok: true, value: { methods: ['passphrase', 'safeStorage'] } });
    expect(count(older.core, 'workstation_keys')).toBe(1);
    expect(await older.core.dispatcher.dispatch('keys.lock', {}, asLeader)).toMatchObject({ ok: true });
    expect(await older.core.dispatcher.dispatch('keys.unlock', { passphrase }, asLeader)).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(auditActions(older.core)).toEqual(['keys.addPassphrase', 'keys.lock', 'keys.unlock']);
  });
});

describe('the workstation name', () => {
  it('is the host name, marked as not chosen, until an admin names the workstation; the change is audited', async () => {
    const { core } = await serveLikeCore();
    expect(await core.dispatcher.dispatch('system.status', {}, asLeader)).toMatchObject({ ok: true, value: { workstationNamed: false } });
    expect(await core.dispatcher.dispatch('workstation.setName', { name: '汉阳区检查一组' }, asLeader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatcher.dispatch('workstation.setName', { name: '   ' }, asAdmin)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['name'] }] } } });
    expect(await core.dispatcher.dispatch('workstation.setName', { name: '名'.repeat(61) }, asAdmin)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await core.dispatcher.dispatch('workstation.setName', { name: ' 汉阳区检查一组 ' }, asAdmin)).toMatchObject({ ok: true, value: { name: '汉阳区检查一组', named: true } });
    expect(await core.dispatcher.dispatch('system.status', {}, asLeader)).toMatchObject({ ok: true, value: { workstationName: '汉阳区检查一组', workstationNamed: true } });
    expect(auditActions(core)).toEqual(['workstation.setName']);
    // Kept in the database: the next start shows the same name.
    const reopened = await testCore({ dbFile: core.services.dbFile });
    expect(reopened.services.workstation).toMatchObject({ name: '汉阳区检查一组', named: true });
  });
});
