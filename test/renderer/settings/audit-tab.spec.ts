// The audit log draws a page of entries with each entry's details worked out once (they show on the
// row and whole on hover), and the date range a moment after the log.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AuditEntry, AuditList } from '@shared/api/procedures/audit';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import * as details from '../../../renderer/src/views/settings/audit-details';

const call = vi.fn();
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call } }));
const worked = vi.spyOn(details, 'detailRows');
const { default: AuditTab } = await import('../../../renderer/src/views/settings/AuditTab.vue');

const entry = (seq: number): AuditEntry => ({
  seq,
  at: '2026-12-01T08:00:00.000Z',
  actor: 'u-1',
  actorName: '李检查员',
  action: 'unit.update',
  subject: `unit-${seq}`,
  subjectRef: null,
  data: JSON.stringify({ name: `汉阳区四新社区${seq}`, reason: '更正地址' }),
  dataRefs: {},
  signed: seq % 2 === 0,
});
const page: AuditList = { total: 3, offset: 0, items: [entry(1), entry(2), entry(3)], actors: [{ actor: 'u-1', actorName: '李检查员' }], actions: ['unit.update'], lastCheckpoint: null };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('AuditTab', () => {
  it('works out each entry’s details once for the row and its hover text', async () => {
    call.mockResolvedValue(page);
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] });
    const tab = mount(AuditTab, { attachTo: document.body, global: { plugins: [createPinia(), router, createAppI18n('zh-CN'), ElementPlus] } });
    await flushPromises();
    const shown = tab.find('[data-testid="audit-details-2"]');
    expect(shown.text()).toContain('汉阳区四新社区2');
    expect(shown.attributes('title')).toContain('汉阳区四新社区2');
    expect(worked).toHaveBeenCalledTimes(3);
    tab.unmount();
  });

  it('makes the date range only when someone reaches for it: a click opens its calendar, Tab puts the keyboard in it', async () => {
    call.mockResolvedValue(page);
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] });
    const mountTab = () => mount(AuditTab, { attachTo: document.body, global: { plugins: [createPinia(), router, createAppI18n('zh-CN'), ElementPlus] } });

    const clicked = mountTab();
    await flushPromises();
    expect(document.querySelector('.el-date-range-picker')).toBeNull();
    const standIn = clicked.find('[data-testid="audit-dates-stand-in"]');
    // Named by what it shows, after the field's label (an aria-label would hide the visible text).
    expect(standIn.text().replace(/\s+/g, '')).toBe('日期开始日期-结束日期');
    await standIn.trigger('mousedown');
    await flushPromises();
    expect(clicked.find('[data-testid="audit-dates-stand-in"]').exists()).toBe(false);
    expect(document.activeElement?.closest('.el-range-editor')).not.toBeNull();
    await vi.waitFor(() => expect(document.querySelector('.el-date-range-picker')).not.toBeNull());
    clicked.unmount();
    document.body.innerHTML = '';

    const tabbed = mountTab();
    await flushPromises();
    await tabbed.find('[data-testid="audit-dates-stand-in"]').trigger('focus');
    await flushPromises();
    expect((document.activeElement as HTMLInputElement | null)?.placeholder).toBe('开始日期');
    tabbed.unmount();
  });
});
