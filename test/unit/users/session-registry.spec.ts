// Sessions in memory: random values, locked after the idle time, unlocked, ended; nothing else is a session.
import { describe, expect, it } from 'vitest';
import { SessionRegistry, idleLockMsFrom } from '../../../electron/main/users/session-registry';
import { actorWith } from '../../helpers/actors';

describe('session registry', () => {
  it('locks a session left idle longer than the lock time, and a touch before then keeps it open', () => {
    let now = 0;
    const registry = new SessionRegistry(1000, () => now);
    const value = registry.begin(actorWith('李', 'inspector'), 'hash-李');
    now = 900;
    registry.touch(value);
    now = 1800;
    expect(registry.look(value)).toEqual({ userId: 'test:李', stamp: 'hash-李', locked: false });
    now = 2901;
    expect(registry.look(value)?.locked).toBe(true);
    registry.touch(value);
    expect(registry.look(value)?.locked).toBe(true);
    registry.unlock(value);
    expect(registry.look(value)?.locked).toBe(false);
  });

  it('knows nothing of forged, ended or other users’ values', () => {
    const registry = new SessionRegistry(1000, () => 0);
    const mine = registry.begin(actorWith('李', 'inspector'), 'hash-李');
    const theirs = registry.begin(actorWith('王', 'leader'), 'hash-王');
    expect(mine).not.toBe(theirs);
    expect(mine).toMatch(/^[\w-]{43}$/);
    expect(registry.look('forged')).toBeNull();
    expect(registry.look(null)).toBeNull();
    registry.end(mine);
    expect(registry.look(mine)).toBeNull();
    registry.endAllOf('test:王');
    expect(registry.look(theirs)).toBeNull();
  });

  it('reads the idle lock from DINGXING_IDLE_LOCK_SECONDS and ignores nonsense', () => {
    expect(idleLockMsFrom({ DINGXING_IDLE_LOCK_SECONDS: '30' })).toBe(30_000);
    expect(idleLockMsFrom({ DINGXING_IDLE_LOCK_SECONDS: '-1' })).toBe(15 * 60 * 1000);
    expect(idleLockMsFrom({ DINGXING_IDLE_LOCK_SECONDS: 'soon' })).toBe(15 * 60 * 1000);
    expect(idleLockMsFrom({})).toBe(15 * 60 * 1000);
  });
});
