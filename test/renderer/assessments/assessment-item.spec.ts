// One item of the form: the control for its kind, Y/N keys, the survey tally and its minimum sample.
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import type { FormItem } from '@shared/api/procedures/assessments';
import { createAppI18n } from '../../../renderer/src/i18n/index';

vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call: vi.fn() } }));
const { default: AssessmentItem } = await import('../../../renderer/src/views/assessments/AssessmentItem.vue');

const base: FormItem = { id: 'RES-1', kind: 'check', label: { zh: '主要负责人签订责任书', en: 'Responsibility letter' }, guidance: null, step: null, points: 4, per: null, cap: null, full: null, perPoint: null, required: null, capStars: null, minSample: null, input: null, countUnit: null };

function item(props: { item?: Partial<FormItem>; answer?: unknown; editable?: boolean; flagged?: boolean; points?: number; canRectify?: boolean }) {
  return mount(AssessmentItem, {
    props: { item: { ...base, ...props.item }, answer: props.answer as never, tally: undefined, points: props.points, missing: false, editable: props.editable ?? true, evidence: [], canAddEvidence: true, flagged: props.flagged ?? false, canRectify: props.canRectify ?? false },
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

  it('holds a scale answer to its step from the pack and says why beside the item', async () => {
    const wrapper = item({ item: { id: 'RES-3', kind: 'scale', points: 4, step: 0.5, input: { min: 0, max: 4, step: 0.5, decimals: 1 } } });
    const input = wrapper.get('input');
    await input.setValue('3.3');
    const answers = wrapper.emitted('answer') ?? [];
    expect(answers[answers.length - 1]).toEqual([3.5]);
    await wrapper.setProps({ answer: 3.5 });
    expect(wrapper.get('[data-testid="reason-RES-3"]').text()).toBe('3.3 不是 0.5 的整数倍，已记为 3.5');
  });

  it('holds a count to the engine’s maximum, shows what the pack says it counts, and says why', async () => {
    const wrapper = item({ item: { id: 'PRE-5', kind: 'deduct', per: 1, cap: 5, points: null, input: { min: 0, max: 1_000_000, step: 1, decimals: 0 }, countUnit: { zh: '处', en: '' } } });
    await wrapper.get('input').setValue('2000000');
    const answers = wrapper.emitted('answer') ?? [];
    expect(answers[answers.length - 1]).toEqual([1_000_000]);
    await wrapper.setProps({ answer: 1_000_000 });
    expect(wrapper.get('[data-testid="reason-PRE-5"]').text()).toBe('2,000,000 超过上限 1,000,000，已记为 1,000,000');
    expect(wrapper.text()).toContain('处');
    expect(wrapper.text()).not.toContain('处/件');
  });

  it('says in words that an answer the core refused is not scored', () => {
    const wrapper = item({ item: { id: 'RES-3', kind: 'scale', points: 4, step: 0.5, input: { min: 0, max: 4, step: 0.5, decimals: 1 } }, answer: 3.5, flagged: true });
    expect(wrapper.get('[data-testid="reason-RES-3"]').text()).toBe('此答案无效，暂不计分，请重新填写。');
  });

  it('puts 是 before 否 on a veto item as on every check item', () => {
    const labels = item({ item: { id: 'VETO-1', kind: 'veto', points: null } }).findAll('.el-radio-button').map((button) => button.text());
    expect(labels).toEqual(['是 (Y)', '否 (N)']);
  });

  it('says the rule once: the pack’s guidance, not a second hint under it', () => {
    const wrapper = item({ item: { id: 'RES-3', kind: 'scale', points: 4, step: 0.5, guidance: { zh: '按落实程度评 0–满分，步长 0.5', en: 'x' }, input: { min: 0, max: 4, step: 0.5, decimals: 1 } } });
    expect(wrapper.findAll('.hint')).toHaveLength(0);
    expect(wrapper.findAll('.guidance')).toHaveLength(1);
  });

  it('offers a rectification only on an item that lost points', () => {
    expect(item({ answer: true, points: 4, editable: false, canRectify: true }).find('[data-testid="rectify-RES-1"]').exists()).toBe(false);
    expect(item({ answer: false, points: 0, editable: false, canRectify: true }).find('[data-testid="rectify-RES-1"]').exists()).toBe(true);
  });

  it('puts 添加照片或文件 in the Tab order with Alt+E written on it, and opens the hidden picker either way', async () => {
    const wrapper = item({});
    const button = wrapper.get('[data-testid="evidence-add-RES-1"]');
    expect(button.attributes('tabindex')).toBeUndefined();
    expect(button.element.tagName).toBe('BUTTON');
    expect(button.text()).toContain('添加照片或文件');
    expect(button.text()).toContain('Alt+E');
    expect(button.attributes('aria-keyshortcuts')).toBe('Alt+E');
    const picker = wrapper.get<HTMLInputElement>('[data-testid="evidence-input-RES-1"]').element;
    // Out of everyone's way: not a second, unnamed control for a screen reader.
    expect(picker.hidden).toBe(true);
    const click = vi.spyOn(picker, 'click');
    await wrapper.get('[data-testid="item-RES-1"]').trigger('keydown', { key: 'e', altKey: true });
    await button.trigger('click');
    expect(click).toHaveBeenCalledTimes(2);
  });

  it('names a yes/no group and a number field by the item’s question, not by its code', () => {
    const check = item({});
    expect(check.get('[role="radiogroup"]').attributes('aria-label')).toBe('主要负责人签订责任书');
    const scale = item({ item: { id: 'RES-3', kind: 'scale', points: 4, step: 0.5, label: { zh: '责任分解到部门、网格、岗位', en: 'Duties assigned' }, input: { min: 0, max: 4, step: 0.5, decimals: 1 } } });
    expect(scale.get('input').attributes('aria-label')).toBe('责任分解到部门、网格、岗位');
    const survey = item({ item: { id: 'SAT-1', kind: 'survey', points: 15, full: 95, perPoint: 0.5, minSample: 100, label: { zh: '群众安全感', en: 'Sense of safety' } } });
    expect(survey.get('[data-testid="survey-SAT-1-safe"] input').attributes('aria-label')).toBe('群众安全感：安全人数');
  });

  it('removes a piece of evidence with a real button named after the file, beside (not inside) the thumbnail', async () => {
    const wrapper = mount(AssessmentItem, {
      props: { item: base, answer: undefined, tally: undefined, points: undefined, missing: false, editable: true, evidence: [{ id: 'e1', assessmentId: 'a1', itemId: 'RES-1', originalName: '责任书.pdf', mime: 'application/pdf', bytes: 10, sha256: 'x', createdAt: '2026-12-01T00:00:00Z' }], canAddEvidence: true },
      global: { plugins: [createAppI18n('zh-CN'), ElementPlus] },
    });
    const remove = wrapper.get('[data-testid="evidence-remove"]');
    expect(remove.element.tagName).toBe('BUTTON');
    expect(remove.attributes('aria-label')).toBe('移除证据：责任书.pdf');
    expect(remove.element.closest('[data-testid="evidence-thumb"]')).toBeNull();
    expect(wrapper.get('[data-testid="evidence-thumb"]').attributes('aria-label')).toBe('查看证据：责任书.pdf');
    await remove.trigger('click');
    expect(wrapper.emitted('removeEvidence')).toEqual([['e1']]);
  });

  it('shows a signed answer as text', () => {
    const wrapper = item({ answer: true, editable: false });
    expect(wrapper.get('[data-testid="answer-RES-1"]').text()).toBe('✓ 是');
  });
});
