/**
 * Who is logged in through this window or tab, whether the session is locked, and whether the
 * workstation still needs its first admin. The main side decides all of it; this store only asks
 * and remembers (serve mode: the tab's session value).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LoginResult, SessionState } from '@shared/api/procedures/session';
import type { Actor, Role } from '@shared/domain/roles';
import { api, loginSession, onUnauthorized } from '../api';

export const useAuthStore = defineStore('auth', () => {
  const user = ref<Actor | null>(null);
  const locked = ref(false);
  const needsSetup = ref(false);
  const idleLockSeconds = ref(15 * 60);
  const loaded = ref(false);
  /** The session ended while the app was open (server restarted, user disabled): ask for a login in place. */
  const ended = ref(false);

  function apply(state: SessionState): void {
    user.value = state.user;
    locked.value = state.locked;
    needsSetup.value = state.needsSetup;
    idleLockSeconds.value = state.idleLockSeconds;
    loaded.value = true;
  }

  function remember(result: LoginResult): void {
    loginSession.set(result.session);
    user.value = result.user;
    locked.value = false;
    ended.value = false;
    needsSetup.value = false;
  }

  async function load(): Promise<void> {
    apply(await api.call('session.get', {}));
  }

  async function login(name: string, password: string): Promise<void> {
    remember(await api.call('session.login', { name, password }));
  }

  async function createAdmin(input: { name: string; displayName: string; password: string }): Promise<void> {
    remember(await api.call('setup.createAdmin', input));
  }

  async function logout(): Promise<void> {
    try {
      await api.call('session.logout', {});
    } finally {
      loginSession.set(null);
      user.value = null;
      locked.value = false;
    }
  }

  async function lock(): Promise<void> {
    if (user.value === null || locked.value) return;
    locked.value = true;
    await api.call('session.lock', {}).catch(() => undefined);
  }

  async function unlock(password: string): Promise<void> {
    apply(await api.call('session.unlock', { password }));
  }

  const has = (role: Role) => computed(() => user.value?.roles.includes(role) ?? false);
  const isLeader = has('leader');
  const isAdmin = has('admin');
  const isInspector = has('inspector');
  const isCity = has('city');

  onUnauthorized((error) => {
    if (user.value === null) return;
    const details = error.details as { locked?: boolean } | undefined;
    if (details?.locked === true) locked.value = true;
    else ended.value = true;
  });

  return { user, locked, needsSetup, idleLockSeconds, loaded, ended, load, login, createAdmin, logout, lock, unlock, isLeader, isAdmin, isInspector, isCity };
});
