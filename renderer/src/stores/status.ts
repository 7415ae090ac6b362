/** The workstation's status (id, database, schema, version), loaded once and refreshed on demand. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Status } from '@shared/api/procedures/system';
import type { DxError } from '@shared/api/errors';
import { api } from '../api';

export const useStatusStore = defineStore('status', () => {
  const status = ref<Status | null>(null);
  const error = ref<DxError | null>(null);
  const loading = ref(false);

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

  return { status, error, loading, refresh };
});
