// A select's dropdown is made when someone first opens it, not when the screen is drawn: a screen's
// filters and its pager's page sizes cost one small element each until then (the 单位 screen spent
// most of its opening on four dropdowns and a pager nobody had opened).
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, ref } from 'vue';
import { applyElementDefaults } from '../../../renderer/src/element-defaults';

applyElementDefaults();

const Filters = defineComponent({
  setup: () => ({ district: ref('420111'), page: ref(1) }),
  template: `
    <el-select v-model="district" data-testid="district">
      <el-option value="420102" label="江岸区" />
      <el-option value="420111" label="洪山区" />
    </el-select>
    <el-pagination v-model:current-page="page" :total="1000" :page-sizes="[20, 50]" layout="sizes, prev, pager, next" />
  `,
});

const dropdowns = () => document.querySelectorAll('.el-select-dropdown').length;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Element Plus defaults', () => {
  it('draws no dropdown for a select or the pager until one is opened, and still shows the chosen option', async () => {
    const view = mount(Filters, { attachTo: document.body, global: { plugins: [ElementPlus] } });
    await flushPromises();
    expect(dropdowns()).toBe(0);
    expect(document.querySelectorAll('.el-select-dropdown__item')).toHaveLength(0);
    expect(view.find('[data-testid="district"]').text()).toContain('洪山区');
    view.unmount();
  });

  it('draws the dropdown with its options when the select is opened, and the choice still works', async () => {
    const view = mount(Filters, { attachTo: document.body, global: { plugins: [ElementPlus] } });
    await view.find('[data-testid="district"] .el-select__wrapper').trigger('click');
    await flushPromises();
    expect(dropdowns()).toBe(1);
    const options = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')];
    expect(options.map((option) => option.textContent?.trim())).toEqual(['江岸区', '洪山区']);
    options[0]?.click();
    await flushPromises();
    expect((view.vm as unknown as { district: string }).district).toBe('420102');
    expect(view.find('[data-testid="district"]').text()).toContain('江岸区');
    view.unmount();
  });
});
