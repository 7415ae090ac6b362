/**
 * The assessment workflow in the renderer: starting a draft (who is logged in lives in the auth
 * store). One draft's editing state lives in use-assessment-draft.ts. The lists (评定, 首页) load
 * their own page; nothing here keeps a copy of them.
 */
import { defineStore } from 'pinia';
import { api } from '../api';

export const useAssessmentsStore = defineStore('assessments', () => {
  async function start(unitId: string, options: { cycle?: number; assessedOn?: string; followsUpId?: string } = {}): Promise<string> {
    const started = await api.call('assessments.start', { unitId, ...options });
    return started.id;
  }

  return { start };
});
