/**
 * The signed summary PDF of a district, or of the city: one request at a time, drawn in a worker
 * with its progress in pages (a district of 10,000 units takes some 200), cancellable, saved as
 * a file; a refusal in the user's language.
 */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import { useJob } from '../../components/use-job';
import { useDingStore } from '../../stores/ding';

export function useSummaryDownload() {
  const i18n = useI18n();
  const store = useDingStore();
  const job = useJob();
  const summarising = computed(() => job.running.value);
  /** "已绘制 12 / 约 210 页", then "正在签名…" */
  const progressText = computed(() => {
    const progress = job.progress.value;
    if (!job.running.value || progress === null) return '';
    if (progress.message === 'sign') return i18n.t('ding.summarySigning');
    return i18n.t('ding.summaryPages', { done: progress.done, total: Math.max(progress.total - 1, progress.done) });
  });

  async function downloadSummary(district?: string): Promise<void> {
    if (job.running.value) return;
    const file = await job.run((options) => store.downloadSummary(district, options));
    if (file) ElMessage.success(i18n.t('ding.exported', { file }));
  }

  return { summarising, downloadSummary, job, progressText };
}
