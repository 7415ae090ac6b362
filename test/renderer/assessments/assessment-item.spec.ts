// One item of the form: the control for its kind, Y/N keys, the survey tally and its minimum sample.
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import type { FormItem } from '@shared/api/procedures/assessments';
import { createAppI18n } from '../../../renderer/src/i18n/index';

vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call: vi.fn() } }));
const { default: AssessmentItem } = await import('../../../renderer/src/views/assessments/AssessmentItem.vue');

const base: FormItem = { id: 'RES-1', kind: 'check', label: { zh: '主要负责人签订责任书', en: 'Responsibility letter' }, guidance: null, step: null, points: 4, per: null, cap: null, full: null, perPoint: null, required: null, capStars: null, minSample: null };

function item(props: { item?: Partial<FormItem>; answer?: unknown; editable?: boolean }) {
  return mount(AssessmentItem, {
    props: { item: { ...base, ...props.item }, answer: props.answer as never, tally: undefined, points: undefined, missing: false, editable: props.editable ?? true, evidence: [], canAddEvidence: true },
    global: { plugins: [createAppI18n('zh-CN'), ElementPlus] },
  });
}

describe('AssessmentItem', () => {
  it('answers a check item with Y and N (and 1 and 0)', async () => {
    const wrapper = item({});
    await wrapper.get('[data-testid="item-RES-1"]').trigger('keydown', { key: 'y' });
    await wrapper.get('[data-testid="item-RES-1"]').trigger('keydown', { key: '0' });
    expect(wrapper.emitted('answer')).toEqual([[true], [false]]);
    expect(wrapper.find('[data-testid="evidence-input-RES-1"]').exists()).toBe(true);
  });

  it('shows the survey’s minimum sample and how many more people are needed', () => {
    const wrapper = item({ item: { id: 'SAT-1', kind: 'survey', points: 15, full: 95, perPoint: 0.5, minSample: 100 }, answer: { respondents: 60, safe: 57 } });
    expect(wrapper.text()).toContain('最少样本 100 人');
    expect(wrapper.get('[data-testid="sample-short"]').text()).toContain('还需 40 人');
  });

  it('shows a signed answer as text', () => {
    const wrapper = item({ answer: true, editable: false });
    expect(wrapper.get('[data-testid="answer-RES-1"]').text()).toBe('✓ 是');
  });
});
