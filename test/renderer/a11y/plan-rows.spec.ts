// The inspection plan for a keyboard and a screen reader: every row that opens a unit or a district has a link Tab
// reaches and Enter follows (我的计划 on the home page, 计划清单, the plan's progress by district), every select and
// field is named, each progress bar says what it measures, and a Chinese unit name in the English view carries its lang.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Component } from 'vue';
import type { PlanEntry, PlanProgress } from '@shared/api/procedures/plan';
import { createAppI18n } from '../../../renderer/src/i18n/index';

const entry: PlanEntry = {
  id: 'p-1', cycle: 2026, unitId: 'u-1', unitName: '汉阳计划逾期公司', uscc: '91420105MA4KPLAN29', districtCode: '420105', districtName: '汉阳区', kind: 'enterprise',
  currentStars: 2, assigneeId: 'ws-1', assigneeName: '汉阳笔记本', dueOn: '2026-11-15', status: 'overdue', doneOn: null, plannedAt: '市综治中心', plannedBy: '城市管理员',
};
const progress: PlanProgress = {
  cycle: 2026,
  total: { planned: 3, done: 1, overdue: 1 },
  byDistrict: [{ code: '420105', name: '汉阳区', nameEn: 'Hanyang', planned: 3, done: 1, overdue: 1 }],
  byWorkstation: [{ id: 'ws-1', name: '汉阳笔记本', planned: 3, done: 1, overdue: 1 }],
} as PlanProgress;

const call = vi.fn(async (procedure: string) => {
  if (procedure === 'plan.list') return { cycle: 2026, entries: [entry], total: 1 };
  if (procedure === 'plan.progress') return progress;
  if (procedure === 'districts.list') return [{ code: '420105', name: '汉阳区', nameEn: 'Hanyang' }];
  if (procedure === 'plan.workstations') return [{ id: 'ws-1', name: '汉阳笔记本', code: null, districts: ['420105'], self: true }];
  return {};
});
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', onUnauthorized: () => () => undefined, loginSession: { token: null }, api: { call } }));
const { default: MyPlanCard } = await import('../../../renderer/src/views/plan/MyPlanCard.vue');
const { default: PlanProgressCard } = await import('../../../renderer/src/views/plan/PlanProgressCard.vue');
const { default: PlanView } = await import('../../../renderer/src/views/plan/PlanView.vue');

async function render(component: Component, locale: 'zh-CN' | 'en' = 'zh-CN', props: Record<string, unknown> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/districts/:code', name: 'district', component: { render: () => null } }, { path: '/:rest(.*)*', component: { render: () => null } }] });
  const wrapper = mount(component, { props, global: { plugins: [pinia, router, createAppI18n(locale), ElementPlus] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

beforeEach(() => call.mockClear());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the plan page’s introduction', () => {
  it('reads as two English sentences for the city office, and as one text in Chinese', async () => {
    const { useAuthStore } = await import('../../../renderer/src/stores/auth');
    for (const [locale, joined] of [['en', '“outside the plan”. '], ['zh-CN', '“计划外”。']] as const) {
      const pinia = createPinia();
      setActivePinia(pinia);
      useAuthStore().user = { userId: 'c-1', name: 'city', displayName: '市指挥部', roles: ['city'] } as never;
      const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] });
      const wrapper = mount(PlanView, { global: { plugins: [pinia, router, createAppI18n(locale), ElementPlus] }, attachTo: document.body });
      await flushPromises();
      expect(wrapper.get('p.intro').text()).toContain(joined);
      wrapper.unmount();
    }
  });
});

describe('the inspection plan without a mouse', () => {
  it('links each unit of 我的计划 on the home page by its name, marked Chinese in the English view', async () => {
    const link = (await render(MyPlanCard, 'en')).get(`[data-testid="my-plan-unit-${entry.unitName}"]`);
    expect(link.element.tagName).toBe('A');
    expect(link.attributes('href')).toBe('/units/u-1');
    expect(link.text()).toBe('汉阳计划逾期公司');
    expect(link.get('span').attributes('lang')).toBe('zh-CN');
  });

  it('links each unit of the plan’s list by its name', async () => {
    const link = (await render(PlanView)).get(`[data-testid="plan-unit-${entry.unitName}"]`);
    expect(link.element.tagName).toBe('A');
    expect(link.attributes('href')).toBe('/units/u-1');
  });

  // Two mounts of the whole page with Element Plus: slow on a loaded machine.
  it('names the cycle and every filter of the plan’s list, in both languages', { timeout: 20_000 }, async () => {
    for (const [locale, names] of [['zh-CN', ['年度', '区', '工作站', '状态']], ['en', ['Cycle', 'District', 'Workstation', 'Status']]] as const) {
      const wrapper = await render(PlanView, locale);
      const named = ['plan-cycle', 'plan-filter-district', 'plan-filter-workstation', 'plan-filter-status'].map((testId) => wrapper.get(`[data-testid="${testId}"] input`).attributes('aria-label'));
      expect(named).toEqual(names);
      wrapper.unmount();
    }
  });

  it('links each district of the plan’s progress to its dashboard for that cycle, and names each bar by its row and figures', async () => {
    const wrapper = await render(PlanProgressCard, 'zh-CN', { cycle: 2026 });
    const link = wrapper.get('[data-testid="plan-progress-district-420105"]');
    expect(link.element.tagName).toBe('A');
    expect(link.attributes('href')).toBe('/districts/420105?cycle=2026');
    const bars = wrapper.findAll('[role="progressbar"]').map((bar) => bar.attributes('aria-label'));
    expect(bars).toEqual(['汉阳区 完成 1/3', '汉阳笔记本 完成 1/3']);
  });

  it('marks a Chinese workstation name with its language in the English view, in the list and in the progress', { timeout: 20_000 }, async () => {
    const list = await render(PlanView, 'en');
    expect(list.findAll('[data-testid="plan-list"] tbody span[lang="zh-CN"]').map((span) => span.text())).toContain('汉阳笔记本');
    list.unmount();
    const progressCard = await render(PlanProgressCard, 'en', { cycle: 2026 });
    expect(progressCard.findAll('[data-testid="plan-progress-workstations"] tbody span[lang="zh-CN"]').map((span) => span.text())).toEqual(['汉阳笔记本']);
  });
});
