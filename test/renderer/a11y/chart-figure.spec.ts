// A chart says in words what it shows, and 以表格查看 gives the same figures as a table whose links open what a click
// on the chart opens.
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import ChartFigure from '../../../renderer/src/components/charts/ChartFigure.vue';

const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', name: 'any', component: { render: () => null } }, { path: '/units', name: 'units', component: { render: () => null } }] });

function figure(locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(ChartFigure, {
    props: {
      summary: '各星级单位数：5 星 10 家，占 9%；无星 9 家，占 8%。',
      caption: '各星级单位数',
      columns: ['星级', '单位数', '占比'],
      rows: [
        [{ text: '5 星', to: { name: 'units', query: { stars: '5' } } }, { text: '10' }, { text: '9%' }],
        [{ text: '花山社区' }, { text: '9' }, { text: '8%' }],
      ],
      testid: 'stars',
    },
    slots: { default: () => h('svg', { 'data-testid': 'picture' }) },
    global: { plugins: [createAppI18n(locale), ElementPlus, router] },
  });
}

describe('ChartFigure', () => {
  it('gives the picture a role and the summary as its name', () => {
    const picture = figure().get('[data-testid="stars-picture"]');
    expect(picture.attributes('role')).toBe('img');
    expect(picture.attributes('aria-label')).toBe('各星级单位数：5 星 10 家，占 9%；无星 9 家，占 8%。');
    expect(picture.find('[data-testid="picture"]').exists()).toBe(true);
  });

  it('swaps the chart for a table with a caption, headers and links, and back', async () => {
    const wrapper = figure();
    const toggle = wrapper.get('[data-testid="stars-toggle"]');
    expect(toggle.text()).toBe('以表格查看');
    await toggle.trigger('click');
    const table = wrapper.get('[data-testid="stars-table"]');
    expect(table.get('caption').text()).toBe('各星级单位数');
    expect(table.findAll('thead th').map((cell) => [cell.text(), cell.attributes('scope')])).toEqual([['星级', 'col'], ['单位数', 'col'], ['占比', 'col']]);
    const first = table.get('tbody tr th');
    expect(first.attributes('scope')).toBe('row');
    expect(first.get('a').attributes('href')).toBe('/units?stars=5');
    expect(wrapper.get('[data-testid="stars-picture"]').attributes('style')).toContain('display: none');
    expect(wrapper.get('[data-testid="stars-toggle"]').text()).toBe('以图表查看');
    await wrapper.get('[data-testid="stars-toggle"]').trigger('click');
    expect(wrapper.find('[data-testid="stars-table"]').exists()).toBe(false);
  });

  it('marks Chinese names in the English table with their language', async () => {
    const wrapper = figure('en');
    await wrapper.get('[data-testid="stars-toggle"]').trigger('click');
    expect(wrapper.get('[data-testid="stars-toggle"]').text()).toBe('View as chart');
    const names = wrapper.findAll('tbody th span');
    expect(names.map((name) => [name.text(), name.attributes('lang')])).toEqual([['5 星', 'zh-CN'], ['花山社区', 'zh-CN']]);
  });
});
