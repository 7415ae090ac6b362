// A row that opens something on a click has a link Tab reaches and Enter follows: the unit's name in a list of
// assessments, the cycle on a unit's own page.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AssessmentSummary } from '@shared/api/procedures/assessments';
import { createAppI18n } from '../../../renderer/src/i18n/index';

vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call: vi.fn() } }));
const { default: AssessmentList } = await import('../../../renderer/src/views/assessments/AssessmentList.vue');

const row: AssessmentSummary = { id: 'a-1', unitId: 'u-1', unitName: '汉阳区四新社区', districtName: '汉阳区', cycle: 2026, assessedOn: '2026-12-01', status: 'submitted', total: 92, awardedStars: 3, vetoed: false, inspector: '李检查员', signedBy: null, supersedesId: null, supersededById: null, followsUpId: null, answeredCount: 33, updatedAt: '2026-12-01T08:00:00Z', outsidePlan: false };

async function list(hideUnit: boolean, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] });
  const wrapper = mount(AssessmentList, { props: { rows: [row], empty: '无', hideUnit }, global: { plugins: [createPinia(), router, createAppI18n(locale), ElementPlus] } });
  await flushPromises();
  return wrapper;
}

describe('rows that open something', () => {
  it('link each assessment by its unit’s name', async () => {
    const link = (await list(false)).get('[data-testid="assessment-link"]');
    expect(link.element.tagName).toBe('A');
    expect(link.attributes('href')).toBe('/assessments/a-1');
    expect(link.text()).toBe('汉阳区四新社区');
  });

  it('link each assessment by its cycle on the unit’s own page, where the unit is not shown', async () => {
    const link = (await list(true)).get('[data-testid="assessment-link"]');
    expect(link.attributes('href')).toBe('/assessments/a-1');
    expect(link.text()).toBe('2026');
  });

  it('mark the Chinese name with its language in the English view', async () => {
    const name = (await list(false, 'en')).get('[data-testid="assessment-link"] span');
    expect(name.attributes('lang')).toBe('zh-CN');
  });
});
