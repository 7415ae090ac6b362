// Who may call what: every procedure declares its roles, and the dispatcher refuses before the handler runs.
import { describe, expect, it, vi } from 'vitest';
import { procedures } from '@shared/api/contract';
import { createDispatcher } from '../../../electron/main/api/dispatch';
import type { HandlerMap } from '../../../electron/main/api/dispatch';
import { anyone, asAdmin, asInspector, asLeader, nobody, resolveTrusted } from '../../helpers/actors';

function dispatcherWith(handlers: Partial<Record<string, (input: never, context: never) => unknown>>) {
  return createDispatcher(handlers as unknown as HandlerMap, { resolveCaller: resolveTrusted, log: () => undefined });
}

describe('procedure roles', () => {
  it('leaves only logging in, the session state and the first admin open to callers without a session', () => {
    const open = Object.entries(procedures).filter(([, definition]) => definition.roles === 'public').map(([name]) => name);
    expect(open.sort()).toEqual(['session.get', 'session.login', 'session.logout', 'session.unlock', 'setup.createAdmin']);
  });

  it('gives signing, reopening and finalizing to team leaders alone, and users to admins alone', () => {
    for (const name of ['assessments.sign', 'assessments.reopen', 'assessments.finalize', 'assessments.supersede'] as const) expect(procedures[name].roles).toEqual(['leader']);
    for (const name of ['users.list', 'users.add', 'users.update', 'users.resetPassword'] as const) expect(procedures[name].roles).toEqual(['admin']);
  });
});

describe('dispatcher role checks', () => {
  it('answers UNAUTHORIZED to a caller without a session, before validating or running anything', async () => {
    const handler = vi.fn();
    const result = await dispatcherWith({ 'jobs.cancel': handler }).dispatch('jobs.cancel', { jobId: 42 }, nobody);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', details: { reason: 'auth.required' } } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers FORBIDDEN naming the role needed, and runs nothing', async () => {
    const handler = vi.fn();
    const dispatcher = dispatcherWith({ 'assessments.sign': handler, 'users.add': handler });
    const sign = await dispatcher.dispatch('assessments.sign', { id: 'a' }, asInspector);
    expect(sign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { roles: ['leader'] } } });
    expect(sign.ok ? '' : sign.error.message).toMatch(/组长.*leader/);
    const add = await dispatcher.dispatch('users.add', { name: 'x', displayName: 'x', roles: ['admin'], password: 'long-enough' }, asLeader);
    expect(add).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { roles: ['admin'] } } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('hands the handler the actor the door established', async () => {
    const handler = vi.fn(() => ({ cancelled: false }));
    await dispatcherWith({ 'jobs.cancel': handler }).dispatch('jobs.cancel', { jobId: 'a' }, asAdmin);
    expect(handler).toHaveBeenCalledWith({ jobId: 'a' }, expect.objectContaining({ actor: expect.objectContaining({ name: '管理员', roles: ['admin'] }) }));
  });

  it('lets anyone reach a public procedure', async () => {
    const handler = vi.fn(() => ({ user: null, locked: false, needsSetup: true, idleLockSeconds: 900 }));
    expect(await dispatcherWith({ 'session.get': handler }).dispatch('session.get', {}, nobody)).toMatchObject({ ok: true });
    expect(await dispatcherWith({ 'session.get': handler }).dispatch('session.get', {}, anyone)).toMatchObject({ ok: true });
  });
});
