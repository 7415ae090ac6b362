// The district inputs form takes two decimals as typed (88.25), refuses a value out of range or with a third decimal
// with the app's own words in the user's language, never changes a typed number, and saves nothing while one is wrong.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import type { DingRow } from '@shared/domain/ding-evaluation';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import { readScore } from '../../../renderer/src/views/districts/score-text';

const call = vi.fn(async (name: string) => (name === 'ding.inputs.current' ? [] : name === 'ding.table' ? { cycle: 2026, cycles: [2026], rubric: 'wuhan-ding@2026.1', rows: [], previous: [] } : {}));
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call }, loginSession: { get: () => null, set: () => undefined }, onUnauthorized: () => () => undefined }));
const { default: DistrictInputsForm } = await import('../../../renderer/src/views/districts/DistrictInputsForm.vue');

const row = { district: '420105', name: '汉阳区', nameEn: 'Hanyang District' } as DingRow;

async function form(locale: 'zh-CN' | 'en') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(DistrictInputsForm, { props: { cycle: 2026, rows: [row], previous: [], initialDistrict: '420105' }, global: { plugins: [pinia, createAppI18n(locale), ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

async function type(wrapper: Awaited<ReturnType<typeof form>>, testId: string, value: string) {
  // el-input puts the test id on its <input>.
  await wrapper.get(`input[data-testid="${testId}"]`).setValue(value);
  await flushPromises();
}

describe('district scores as typed', () => {
  it('reads 0–100 with two decimals exactly, and names what is wrong otherwise', () => {
    expect(readScore('88.25')).toEqual({ value: 88.25 });
    expect(readScore('100')).toEqual({ value: 100 });
    expect(readScore('101')).toEqual({ problem: 'range' });
    expect(readScore('88.255')).toEqual({ problem: 'decimals' });
    expect(readScore('八十')).toEqual({ problem: 'notNumber' });
    expect(readScore(' ')).toEqual({ problem: 'empty' });
  });

  it('keeps 88.25 and 101 as typed, refuses 101 in Chinese, and records nothing until it is corrected', async () => {
    const wrapper = await form('zh-CN');
    await type(wrapper, 'ding-inputs-aspect-publicOrder', '88.25');
    await type(wrapper, 'ding-inputs-aspect-ecology', '101');
    expect((wrapper.get('input[data-testid="ding-inputs-aspect-publicOrder"]').element as HTMLInputElement).value).toBe('88.25');
    expect((wrapper.get('input[data-testid="ding-inputs-aspect-ecology"]').element as HTMLInputElement).value).toBe('101');
    expect(wrapper.find('[data-testid="ding-inputs-problem-publicOrder"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="ding-inputs-problem-ecology"]').text()).toBe('得分应在 0 到 100 之间');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(call.mock.calls.some(([name]) => name === 'ding.inputs.record')).toBe(false);

    await type(wrapper, 'ding-inputs-aspect-ecology', '99.5');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const recorded = call.mock.calls.find(([name]) => name === 'ding.inputs.record') as unknown as [string, { districts: { aspects: Record<string, number> }[] }] | undefined;
    expect(recorded?.[1].districts[0]?.aspects).toMatchObject({ publicOrder: 88.25, ecology: 99.5 });
    wrapper.unmount();
  });

  it('says it in English in the English view', async () => {
    const wrapper = await form('en');
    await type(wrapper, 'ding-inputs-aspect-ecology', '88.255');
    expect(wrapper.get('[data-testid="ding-inputs-problem-ecology"]').text()).toBe('At most two decimals');
    wrapper.unmount();
  });
});
