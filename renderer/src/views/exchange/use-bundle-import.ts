/**
 * Importing a chosen .dxb: the file goes up in pieces, then one call verifies and merges it as a
 * job; the upload shows on the same bar as the import, and the same cancel stops either.
 */
import { ref } from 'vue';
import type { CallOptions } from '@shared/api/client';
import type { ImportReport } from '@shared/bundle/report';
import { uploadFile } from '../../api/file-transfer';
import { useJob } from '../../components/use-job';

export function useBundleImport(importUpload: (uploadId: string, options: CallOptions) => Promise<ImportReport>, afterImport: () => Promise<void>) {
  const job = useJob();
  const report = ref<ImportReport | null>(null);

  async function importChosenFile(event: Event): Promise<void> {
    const target = event.target as HTMLInputElement;
    const file = target.files?.[0];
    target.value = '';
    if (!file) return;
    const result = await job.run(async (options) => {
      const uploadId = await uploadFile(file, (done, total) => options.onProgress?.({ jobId: 'upload', done, total, message: 'upload' }), options.signal);
      return importUpload(uploadId, options);
    });
    if (!result) return;
    report.value = result;
    await afterImport();
  }

  return { job, report, importChosenFile };
}
