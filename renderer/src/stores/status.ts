/** The workstation's status (id, name, database, schema, version), loaded once and refreshed on demand; and naming it. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Status } from '@shared/api/procedures/system';
import type { DxError } from '@shared/api/errors';
import { api } from '../api';

export const useStatusStore = defineStore('status', () => {
  const status = ref<Status | null>(null);
  const error = ref<DxError | null>(null);
  const loading = ref(false);
  /** The naming dialog is open (asked at first start, or 改名 in 设置 › 系统状态). */
  const naming = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      status.value = await api.call('system.status', {});
      error.value = null;
    } catch (caught) {
      error.value = caught as DxError;
    } finally {
      loading.value = false;
    }
  }

  async function setName(name: string): Promise<void> {
    const saved = await api.call('workstation.setName', { name });
    if (status.value) status.value = { ...status.value, workstationName: saved.name, workstationNamed: saved.named };
  }

  return { status, error, loading, naming, refresh, setName };
});
