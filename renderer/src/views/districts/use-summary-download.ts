/** The signed summary PDF of a district, or of the city: one request at a time, saved as a file, a refusal in the user's language. */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import { errorText } from '../../i18n/error-text';
import { useDingStore } from '../../stores/ding';

export function useSummaryDownload() {
  const i18n = useI18n();
  const store = useDingStore();
  const summarising = ref(false);

  async function downloadSummary(district?: string): Promise<void> {
    if (summarising.value) return;
    summarising.value = true;
    try {
      ElMessage.success(i18n.t('ding.exported', { file: await store.downloadSummary(district) }));
    } catch (caught) {
      ElMessage.error(errorText(i18n, caught));
    } finally {
      summarising.value = false;
    }
  }

  return { summarising, downloadSummary };
}
