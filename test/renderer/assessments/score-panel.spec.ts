// The side panel: the core's total and stars, the reason when awarded < by score, what is missing, and the buttons the
// user's roles allow by the contract (no button that could only be refused).
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@shared/domain/roles';
import type { Assessment, Preview } from '@shared/api/procedures/assessments';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import type { SaveState } from '../../../renderer/src/views/assessments/use-assessment-draft';

vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call: vi.fn() }, loginSession: { get: () => null, set: () => undefined }, onUnauthorized: () => () => undefined }));
const { default: ScorePanel } = await import('../../../renderer/src/views/assessments/ScorePanel.vue');
const { useAuthStore } = await import('../../../renderer/src/stores/auth');

const assessment = { id: 'a1', status: 'draft', signedAt: null, signedBy: null, supersededById: null } as unknown as Assessment;
const preview: Preview = {
  result: { rubric: 'wuhan-star@2026.1', rubricSha256: 'x', engine: '1.0.0', complete: false, missing: [], incompleteReasons: [], lockedOut: false, total: 87.5, categories: {}, addOnDeduction: 0, vetoed: false, scoreStars: 3, awardedStars: 2, decidedBy: 'stepUp', trace: [] },
  missing: ['RES-2', 'PRE-5', 'SAT-1'],
  previousStars: 1,
  lastVetoOn: null,
  flagged: [],
};

function panel({ roles = ['inspector'], ...props }: Partial<{ assessment: Assessment; roles: Role[]; saveState: SaveState }> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().user = { userId: 'u1', name: 'someone', displayName: '某人', roles };
  return mount(ScorePanel, {
    props: { assessment, preview, saveState: 'saved', savedAt: new Date(2026, 10, 29, 14, 32).toISOString(), saveError: '', busy: false, ...props },
    global: { plugins: [pinia, createAppI18n('zh-CN'), ElementPlus] },
  });
}

describe('ScorePanel', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the total and the stars to a screen reader once the person pauses, not on every key', async () => {
    vi.useFakeTimers();
    const wrapper = panel();
    const live = wrapper.get('[data-testid="score-announcement"]');
    expect(live.attributes('role')).toBe('status');
    const at = (total: number, awardedStars: number, scoreStars: number) => ({ ...preview, result: { ...preview.result, total, awardedStars, scoreStars, decidedBy: 'threshold' as const } });
    await wrapper.setProps({ preview: at(60, 1, 1) });
    vi.advanceTimersByTime(300);
    await wrapper.setProps({ preview: at(64, 1, 1) });
    vi.advanceTimersByTime(300);
    await wrapper.vm.$nextTick();
    expect(live.text()).toBe('');
    vi.advanceTimersByTime(600);
    await wrapper.vm.$nextTick();
    expect(live.text()).toBe('总分 64，1 星');
    // Held back by a rule: the reason is said with it.
    await wrapper.setProps({ preview });
    vi.advanceTimersByTime(1000);
    await wrapper.vm.$nextTick();
    expect(live.text()).toBe('总分 87.5，2 星（逐级晋升，每年度最多升一星）');
  });

  it('says a save once it has happened or failed, not the “saving…” in between', async () => {
    const wrapper = panel({ saveState: 'saved' });
    const live = wrapper.get('[data-testid="save-announcement"]');
    expect(live.attributes('role')).toBe('status');
    await wrapper.setProps({ saveState: 'saving' });
    expect(live.text()).toBe('');
    await wrapper.setProps({ saveState: 'saved', savedAt: new Date(2026, 10, 29, 14, 40).toISOString() });
    expect(live.text()).toBe('已自动保存 14:40');
    await wrapper.setProps({ saveState: 'saving' });
    expect(live.text()).toBe('已自动保存 14:40');
    await wrapper.setProps({ saveState: 'failed', saveError: 'offline' });
    expect(live.text()).toContain('保存失败');
  });

  it('lists what is missing as buttons that Tab reaches and that go to the item', async () => {
    const wrapper = panel();
    const buttons = wrapper.get('[data-testid="missing-count"]').findAll('button');
    expect(buttons.map((button) => button.text())).toEqual(['RES-2', 'PRE-5', 'SAT-1'].map((id) => expect.stringContaining(id)));
    await buttons[1]?.trigger('click');
    expect(wrapper.emitted('goto')).toEqual([['PRE-5']]);
  });

  it('shows the total, both star levels with the reason, the missing count and the autosave time', () => {
    const wrapper = panel();
    expect(wrapper.get('[data-testid="live-total"]').text()).toBe('87.5');
    expect(wrapper.get('[data-testid="live-stars"]').attributes('data-awarded')).toBe('2');
    expect(wrapper.get('[data-testid="stars-reason"]').text()).toContain('逐级晋升');
    expect(wrapper.get('[data-testid="missing-count"]').text()).toContain('还有 3 项未填');
    expect(wrapper.get('[data-testid="autosave-status"]').text()).toBe('已自动保存 14:32');
    expect(wrapper.find('[data-testid="submit-button"]').exists()).toBe(true);
  });

  it('names what is missing, and shows a failed save loudly in words with a retry', async () => {
    const withForm = { ...assessment, form: [{ id: 'RES', label: { zh: '责任落实', en: 'Responsibility' }, items: [{ id: 'RES-2', label: { zh: '制定年度平安建设工作计划', en: 'An annual plan' } }] }] } as unknown as Assessment;
    const wrapper = panel({ assessment: withForm });
    expect(wrapper.get('[data-testid="missing-count"]').text().replace(/\s/g, ' ')).toContain('RES-2 制定年度平安建设工作计划');
    await wrapper.setProps({ saveState: 'failed', saveError: 'offline', retryIn: 5 });
    const alert = wrapper.get('[data-testid="save-failed"]');
    expect(alert.text()).toContain('保存失败：无法连接到工作站');
    expect(alert.text()).toContain('5 秒后自动重试');
    await wrapper.get('[data-testid="retry-save"]').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
    await wrapper.setProps({ saveError: 'FORBIDDEN', retryIn: null });
    expect(wrapper.get('[data-testid="save-failed"]').text()).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('offers signing and sending back to a team leader only', () => {
    const submitted = { ...assessment, status: 'submitted' } as Assessment;
    expect(panel({ assessment: submitted, roles: ['inspector'] }).find('[data-testid="sign-button"]').exists()).toBe(false);
    expect(panel({ assessment: submitted, roles: ['leader'] }).find('[data-testid="sign-button"]').exists()).toBe(true);
    expect(panel({ assessment: submitted, roles: ['leader'] }).find('[data-testid="reopen-button"]').exists()).toBe(true);
  });

  it('shows a city clerk or an admin no button on a draft or a signed assessment, since every one would be refused', () => {
    for (const roles of [['city'], ['admin']] as Role[][]) {
      const draft = panel({ roles });
      for (const button of ['submit-button', 'save-button', 'discard-button']) expect(draft.find(`[data-testid="${button}"]`).exists()).toBe(false);
      const signed = panel({ roles, assessment: { ...assessment, status: 'signed' } as Assessment });
      for (const button of ['finalize-button', 'supersede-button']) expect(signed.find(`[data-testid="${button}"]`).exists()).toBe(false);
    }
    expect(panel({ roles: ['leader'], assessment: { ...assessment, status: 'signed' } as Assessment }).find('[data-testid="supersede-button"]').exists()).toBe(true);
  });

  it('says a save waits for the running import, in the view’s language', () => {
    expect(panel({ saveState: 'queued' }).get('[data-testid="autosave-status"]').text()).toBe('等待导入完成后保存');
  });
});

describe('ScorePanel before the core has scored the draft', () => {
  it('claims neither that items are missing nor that the form is complete', () => {
    const wrapper = panel();
    expect(wrapper.get('[data-testid="missing-count"]').attributes('data-count')).toBe('3');
    const unscored = mount(ScorePanel, {
      props: { assessment, preview: null, saveState: 'saved', savedAt: null, saveError: '', busy: false },
      global: { plugins: [createPinia(), createAppI18n('zh-CN'), ElementPlus] },
    });
    expect(unscored.find('[data-testid="missing-count"]').exists()).toBe(false);
    expect(unscored.text()).not.toContain('✓');
  });
});
