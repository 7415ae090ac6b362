// 评定 opens with its tabs, search and list first; the selects (each a popper of its own), the pager and the
// start dialog are made in the task after the page is painted, in the place held for them. The
// filters then work as before.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AssessmentSummary } from '@shared/api/procedures/assessments';
import { createAppI18n } from '../../../renderer/src/i18n/index';

const row: AssessmentSummary = {
  id: 'a-1', unitId: 'u-1', unitName: '洪山区珞南街道平安社区', districtName: '洪山区', cycle: 2026, status: 'draft', total: null, awardedStars: null, answeredCount: 3,
  updatedAt: '2026-12-01T08:00:00.000Z', supersedesId: null, supersededById: null, followsUpId: null, outsidePlan: false,
} as AssessmentSummary;
const call = vi.fn(async (procedure: string, input: { limit?: number }) => {
  if (procedure !== 'assessments.search') return {};
  return { rows: input.limit === 1 ? [] : [row], total: 1, cycles: [2025, 2026], inspectors: ['李检查员'] };
});
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', onUnauthorized: () => () => undefined, loginSession: { token: null }, api: { call } }));
const { default: AssessmentsView } = await import('../../../renderer/src/views/assessments/AssessmentsView.vue');
const { useAuthStore } = await import('../../../renderer/src/stores/auth');

async function openAssessments() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().user = { id: 'u-1', name: 'lijc', displayName: '李检查员', roles: ['inspector', 'leader'] } as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] });
  await router.push('/assessments?tab=all');
  return mount(AssessmentsView, { attachTo: document.body, global: { plugins: [pinia, router, createAppI18n('zh-CN'), ElementPlus] } });
}

beforeEach(() => {
  call.mockClear();
  vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('评定 (AssessmentsView)', () => {
  it('draws the tabs, the search and the list first, and the selects, the pager and the dialog in the next task', async () => {
    const view = await openAssessments();
    expect(view.find('[data-testid="assessment-search"]').exists()).toBe(true);
    expect(view.find('[data-testid="assessment-tabs"]').exists()).toBe(true);
    expect(view.find('.filters-waiting').exists()).toBe(true);
    expect(view.find('[data-testid="filter-district"]').exists()).toBe(false);
    expect(view.find('.el-pagination').exists()).toBe(false);

    vi.advanceTimersToNextFrame();
    vi.advanceTimersToNextTimer();
    await flushPromises();
    for (const select of ['filter-status', 'filter-district', 'filter-cycle', 'filter-inspector']) expect(view.find(`[data-testid="${select}"]`).exists(), select).toBe(true);
    expect(view.find('.filters-waiting').exists()).toBe(false);
    vi.advanceTimersToNextFrame();
    vi.runOnlyPendingTimers();
    await flushPromises();
    expect(view.find('[data-testid="assessment-link"]').text()).toBe('洪山区珞南街道平安社区');
    view.unmount();
  });

  it('filters by what is typed once the selects are drawn, as before', async () => {
    const view = await openAssessments();
    vi.advanceTimersToNextFrame();
    vi.runOnlyPendingTimers();
    await flushPromises();
    call.mockClear();
    await view.find('input[data-testid="assessment-search"]').setValue('珞南');
    vi.advanceTimersByTime(300);
    await flushPromises();
    expect(call).toHaveBeenCalledWith('assessments.search', expect.objectContaining({ text: '珞南', limit: 20 }));
    view.unmount();
  });
});
