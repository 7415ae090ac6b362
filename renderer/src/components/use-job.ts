/** State of one long job in a view: running flag, progress, cancel, error shown to the user. */
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import type { CallOptions } from '@shared/api/client';
import type { DxError } from '@shared/api/errors';
import type { JobProgress } from '@shared/api/procedure';
import { errorText } from '../i18n/error-text';

export function useJob() {
  const i18n = useI18n();
  const running = ref(false);
  const progress = ref<JobProgress | null>(null);
  let controller: AbortController | null = null;

  async function run<T>(start: (options: CallOptions) => Promise<T>): Promise<T | null> {
    controller = new AbortController();
    running.value = true;
    progress.value = null;
    try {
      return await start({ signal: controller.signal, onProgress: (event) => (progress.value = event) });
    } catch (error) {
      const dxError = error as DxError;
      if (dxError.code !== 'CANCELLED') ElMessage.error(errorText(i18n, error));
      return null;
    } finally {
      running.value = false;
      controller = null;
    }
  }

  function cancel(): void {
    controller?.abort();
  }

  return { running, progress, run, cancel };
}

export type Job = ReturnType<typeof useJob>;
