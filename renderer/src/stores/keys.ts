/**
 * The workstation's keys as this window sees them (made? unlocked? by what?), and the one keys
 * dialog: opened from 设置 › 系统状态, or at the moment a signature needs the keys, in which case
 * the waiting call goes on once they are unlocked. The passphrase lives only in the dialog's form.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { KeysStatus } from '@shared/domain/keys';
import { api } from '../api';
import type { KeysNeed } from '../api/keys-needed';

/** unlock / create: a form; addPassphrase: create on keys made with the keychain alone; askLeader / askAdmin: who can help. */
export type KeysDialogMode = 'unlock' | 'create' | 'addPassphrase' | 'askLeader' | 'askAdmin';

export const useKeysStore = defineStore('keys', () => {
  const status = ref<KeysStatus | null>(null);
  const dialog = ref<{ mode: KeysDialogMode; needed: boolean } | null>(null);
  let settle: ((unlocked: boolean) => void) | null = null;

  async function refresh(): Promise<KeysStatus> {
    status.value = await api.call('keys.status', {});
    return status.value;
  }

  /** Opens the dialog for `mode`; resolves true once the keys are unlocked, false when closed without. */
  function open(mode: KeysDialogMode, needed = false): Promise<boolean> {
    settle?.(false);
    dialog.value = { mode, needed };
    return new Promise((resolve) => (settle = resolve));
  }

  function close(unlocked: boolean): void {
    dialog.value = null;
    const done = settle;
    settle = null;
    done?.(unlocked);
  }

  /** What to ask for when a call needs the keys, given who is logged in. */
  function modeFor(need: KeysNeed, roles: readonly string[]): KeysDialogMode {
    if (need === 'no-keys') return roles.includes('admin') ? 'create' : 'askAdmin';
    return roles.includes('leader') || roles.includes('admin') ? 'unlock' : 'askLeader';
  }

  async function create(passphrase: string): Promise<void> {
    status.value = await api.call('keys.create', { passphrase });
    close(true);
  }

  async function unlock(passphrase: string): Promise<void> {
    status.value = await api.call('keys.unlock', { passphrase });
    close(true);
  }

  async function lock(): Promise<void> {
    status.value = await api.call('keys.lock', {});
  }

  return { status, dialog, refresh, open, close, modeFor, create, unlock, lock };
});
