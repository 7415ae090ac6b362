/** The 区县与平安鼎 section's state: the cycle shown, its evaluation table, one district's dashboard. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallOptions } from '@shared/api/client';
import type { DxError } from '@shared/api/errors';
import type { DingTableResult, DistrictDashboard } from '@shared/api/procedures/ding';
import type { DistrictInputsDocument, StoredDistrictInputs } from '@shared/domain/district-inputs';
import { api } from '../api';
import { downloadBase64 } from '../components/download';

export const useDingStore = defineStore('ding', () => {
  const cycle = ref<number | null>(null);
  const table = ref<DingTableResult | null>(null);
  const dashboard = ref<DistrictDashboard | null>(null);
  const inputs = ref<StoredDistrictInputs[]>([]);
  const loading = ref(false);
  const error = ref<DxError | null>(null);

  async function guarded<T>(work: () => Promise<T>): Promise<T | null> {
    loading.value = true;
    try {
      const value = await work();
      error.value = null;
      return value;
    } catch (caught) {
      error.value = caught as DxError;
      return null;
    } finally {
      loading.value = false;
    }
  }

  async function loadTable(requested?: number): Promise<void> {
    const result = await guarded(() => api.call('ding.table', requested === undefined ? {} : { cycle: requested }));
    if (result) {
      table.value = result;
      cycle.value = result.cycle;
    }
  }

  async function loadDistrict(district: string, requested?: number): Promise<void> {
    dashboard.value = null;
    const result = await guarded(() => api.call('ding.district', requested === undefined ? { district } : { district, cycle: requested }));
    if (result) {
      dashboard.value = result;
      cycle.value = result.cycle;
    }
  }

  async function loadInputs(forCycle: number): Promise<void> {
    inputs.value = (await guarded(() => api.call('ding.inputs.current', { cycle: forCycle }))) ?? [];
  }

  /** Throws the refusal so the form can show what is wrong. */
  async function recordInputs(document: DistrictInputsDocument): Promise<void> {
    await api.call('ding.inputs.record', document);
    await Promise.all([loadTable(document.cycle), loadInputs(document.cycle)]);
  }

  async function exportTable(): Promise<string> {
    const file = await api.call('exports.dingXlsx', cycle.value === null ? {} : { cycle: cycle.value });
    downloadBase64(file.fileName, file.mime, file.contentBase64);
    return file.fileName;
  }

  /** The signed summary PDF of a district (or of the city when no district is given), saved as a file; `options` follow its progress. */
  async function downloadSummary(district?: string, options?: CallOptions): Promise<string> {
    const forCycle = cycle.value === null ? {} : { cycle: cycle.value };
    const file = district ? await api.call('summary.district', { district, ...forCycle }, options) : await api.call('summary.city', forCycle, options);
    downloadBase64(file.fileName, file.mime, file.contentBase64);
    return file.fileName;
  }

  return { downloadSummary, cycle, table, dashboard, inputs, loading, error, loadTable, loadDistrict, loadInputs, recordInputs, exportTable };
});
