// The trace in words: item and category names beside the codes, subtotals, the total and the star decision, and 打印.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import type { FormSection, ScoreResult } from '@shared/api/procedures/assessments';
import { createAppI18n } from '../../../renderer/src/i18n/index';

vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call: vi.fn() } }));
const { default: TraceDialog } = await import('../../../renderer/src/views/assessments/TraceDialog.vue');

const form = [
  { id: 'RES', label: { zh: '责任落实', en: 'Responsibility' }, max: 15, role: 'category', items: [{ id: 'RES-1', label: { zh: '主要负责人签订责任书', en: 'The head signs the responsibility letter' } }] },
] as unknown as FormSection[];
const result = {
  rubric: 'wuhan-star@2026.1', rubricSha256: 'x', complete: false, total: 1234.5, categories: { RES: 4 }, addOnDeduction: 0, vetoed: false, scoreStars: 0, awardedStars: 0, decidedBy: 'threshold',
  trace: [
    { item: 'RES-1', points: 4, why: '已落实，得4分', whyZh: '已落实，得4分', whyEn: 'done: 4 points', step: 'item' },
    { item: 'TOTAL', points: 4, why: '总分4分', whyZh: '总分4分', whyEn: 'total 4', step: 'total' },
    { item: 'STARS', points: 0, why: '总分4未达到最低星级线60', whyZh: '总分4未达到最低星级线60', whyEn: 'total 4 is below the lowest threshold 60', step: 'stars' },
  ],
} as unknown as ScoreResult;

function dialog(locale: 'zh-CN' | 'en') {
  return mount(TraceDialog, { props: { modelValue: true, result, form, unitName: '汉阳区四新社区' }, attachTo: document.body, global: { plugins: [createAppI18n(locale), ElementPlus] } });
}

describe('TraceDialog', () => {
  it('names items and categories, marks the subtotal, the total and the star decision, in Chinese', async () => {
    const wrapper = dialog('zh-CN');
    await flushPromises();
    const text = document.querySelector('[data-testid="trace-dialog"]')?.textContent ?? '';
    expect(text).toContain('RES-1主要负责人签订责任书');
    expect(text).toContain('责任落实 小计');
    expect(text).toContain('满分 15 分');
    expect(text).toContain('星级判定');
    expect(text).toContain('总分 1,234.5 分');
    expect(text).not.toContain('STARS');
    expect(text).not.toMatch(/done|total|points/);
    wrapper.unmount();
  });

  it('reads in English with English reasons, and prints', async () => {
    const print = vi.fn();
    window.print = print;
    const wrapper = dialog('en');
    await flushPromises();
    const text = document.querySelector('[data-testid="trace-dialog"]')?.textContent ?? '';
    expect(text).toContain('The head signs the responsibility letter');
    expect(text).toContain('Responsibility: subtotal');
    expect(text).toContain('done: 4 points');
    // The unit's name is a proper name; nothing else is in Chinese.
    expect(text.replace('汉阳区四新社区', '')).not.toMatch(/[\u4e00-\u9fff]/);
    document.querySelector<HTMLButtonElement>('[data-testid="trace-print"]')?.click();
    expect(print).toHaveBeenCalledOnce();
    wrapper.unmount();
  });
});
