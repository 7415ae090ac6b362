// 设置 › 审计日志 through the dispatcher: filters by user, record, action and dates; who may read it; which entries a checkpoint covers.
import { describe, expect, it } from 'vitest';
import type { AuditList } from '@shared/api/procedures/audit';
import { openCore } from '../../electron/main/host/core';
import { nodePlatform } from '../../electron/main/platform/platform';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../helpers/keys';
import { asAdmin, asInspector, asLeader } from '../helpers/actors';
import { tempDbFile } from '../helpers/temp';
import { contextOf, recordedAs } from '../helpers/context';

async function auditedCore() {
  const core = await openCore({ dbFile: tempDbFile(), jobMode: 'inline', platform: nodePlatform({ keyStore: new PassphraseKeyStore('audit-api') }) });
  await makeKeys(core, 'audit-api');
  contextOf(core, recordedAs('user-a')).audit({ action: 'units.create', subject: 'unit-0001', data: { name: '甲' } });
  contextOf(core, recordedAs('user-b')).audit({ action: 'units.update', subject: 'unit-0001' });
  contextOf(core, recordedAs('user-a')).audit({ action: 'assessment.sign', subject: 'assess_%_0002' });
  return core;
}

async function list(core: Awaited<ReturnType<typeof auditedCore>>, input: Record<string, unknown>): Promise<AuditList> {
  const result = await core.dispatcher.dispatch('audit.list', input, asAdmin);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AuditList;
}

describe('audit.list', () => {
  it('filters by user, record (as typed, % and _ meaning themselves), action and date, newest first', async () => {
    const core = await auditedCore();
    expect((await list(core, { actor: 'user-a' })).items.map((entry) => entry.action)).toEqual(['assessment.sign', 'units.create']);
    expect((await list(core, { subject: 'unit-0001' })).items.map((entry) => entry.actor)).toEqual(['user-b', 'user-a']);
    expect((await list(core, { subject: '%_0' })).items.map((entry) => entry.subject)).toEqual(['assess_%_0002']);
    expect((await list(core, { action: 'units.update' })).total).toBe(1);
    const today = core.services.platform.now().toISOString().slice(0, 10);
    expect((await list(core, { actor: 'user-a', from: today, to: today })).total).toBe(2);
    expect((await list(core, { actor: 'user-a', to: '2020-01-01' })).total).toBe(0);
    const all = await list(core, { limit: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.actors.map((option) => option.actor)).toEqual(expect.arrayContaining(['user-a', 'user-b']));
    expect(all.actions).toEqual(expect.arrayContaining(['units.create', 'units.update', 'assessment.sign']));
    core.close();
  });

  it('marks the entries a signed checkpoint covers', async () => {
    const core = await auditedCore();
    expect((await list(core, {})).lastCheckpoint).toBeNull();
    const checkpoint = await core.checkpoints.sign('manual');
    contextOf(core, recordedAs('user-a')).audit({ action: 'units.create', subject: 'unit-0003' });
    const after = await list(core, {});
    expect(after.lastCheckpoint).toMatchObject({ seq: checkpoint!.seq });
    expect(after.items[0]).toMatchObject({ subject: 'unit-0003', signed: false });
    expect(after.items[1]).toMatchObject({ seq: checkpoint!.seq, signed: true });
    core.close();
  });

  it('is for leaders, the city office and admins, not inspectors; bad dates are refused by name', async () => {
    const core = await auditedCore();
    expect(await core.dispatcher.dispatch('audit.list', {}, asInspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatcher.dispatch('audit.list', {}, asLeader)).toMatchObject({ ok: true });
    expect(await core.dispatcher.dispatch('audit.list', { from: '2026-02-30' }, asAdmin)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['from'] }] } } });
    core.close();
  });
});
