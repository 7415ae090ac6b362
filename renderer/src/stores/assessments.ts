/**
 * The assessment workflow in the renderer: the open drafts and the recently signed assessments
 * (who is logged in lives in the auth store). One draft's editing state lives in use-assessment-draft.ts.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AssessmentSummary } from '@shared/api/procedures/assessments';
import { api } from '../api';

export const useAssessmentsStore = defineStore('assessments', () => {
  const drafts = ref<AssessmentSummary[]>([]);
  const recent = ref<AssessmentSummary[]>([]);
  const loading = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      [drafts.value, recent.value] = await Promise.all([api.call('assessments.listDrafts', {}), api.call('assessments.listRecent', { limit: 30 })]);
    } finally {
      loading.value = false;
    }
  }

  async function start(unitId: string, options: { cycle?: number; assessedOn?: string; followsUpId?: string } = {}): Promise<string> {
    const started = await api.call('assessments.start', { unitId, ...options });
    return started.id;
  }

  return { drafts, recent, loading, refresh, start };
});
