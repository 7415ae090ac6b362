/**
 * Exporting a bundle: the core writes it as a job, then it is read back in pieces and saved under
 * its name, and only then recorded as sent; the download shows on the same bar as the export. A
 * success names the file and its sequence number.
 */
import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import type { CallOptions } from '@shared/api/client';
import type { Download } from '@shared/api/procedures/files';
import { saveDownload } from '../../api/file-transfer';
import { api } from '../../api';
import { useJob } from '../../components/use-job';

interface ExportedBundle {
  sequence: number;
  fileName: string;
  download: Download;
}

/** `recordSaved`: tells the core the bundle is saved, so it counts as sent (the next export starts after it). */
export function useBundleExport(exportBundle: (options: CallOptions) => Promise<ExportedBundle>, afterExport: () => Promise<void>, recordSaved = (downloadId: string) => api.call('bundles.exportSaved', { downloadId }).then(() => undefined)) {
  const { t } = useI18n();
  const job = useJob();

  async function exportNow(): Promise<void> {
    const result = await job.run(async (options) => {
      const exported = await exportBundle(options);
      await saveDownload(exported.download, 'application/zip', (done, total) => options.onProgress?.({ jobId: 'download', done, total, message: 'download' }));
      await recordSaved(exported.download.downloadId);
      return exported;
    });
    if (!result) return;
    ElMessage.success(t('exchange.export.done', { sequence: result.sequence, file: result.fileName }));
    await afterExport();
  }

  return { job, exportNow };
}
