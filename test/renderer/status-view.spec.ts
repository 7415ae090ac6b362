// The status page shows what the core reports about the workstation, in the chosen language.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import type { Status } from '@shared/api/procedures/system';
import { createAppI18n } from '../../renderer/src/i18n/index';

const status: Status = {
  appVersion: '9.9.9',
  workstationId: '01900000-0000-7000-8000-000000000001',
  workstationName: 'laptop-7',
  workstationNamed: false,
  dbFile: '/data/dingxing.sqlite',
  schemaVersion: 4,
  latestSchemaVersion: 4,
  runtime: { node: '20.20.2', electron: null, platform: 'linux' },
  writerJob: null,
  counts: { units: 12 },
};

const keys = { created: true, createdAt: '2026-11-30T08:00:00.000Z', fingerprint: 'AB12 CD34', methods: ['passphrase'], unlocked: false, automatic: false };

vi.mock('../../renderer/src/api/index', () => ({
  transportKind: 'http',
  api: { call: vi.fn(async (name: string) => (name === 'system.status' ? status : name === 'keys.status' ? keys : { ok: true, problems: [] })) },
  loginSession: { get: () => null, set: () => undefined },
  onUnauthorized: () => () => undefined,
}));

const { default: StatusView } = await import('../../renderer/src/views/StatusView.vue');
const { useStatusStore } = await import('../../renderer/src/stores/status');

async function mountIn(locale: 'zh-CN' | 'en') {
  const pinia = createPinia();
  setActivePinia(pinia);
  await useStatusStore().refresh();
  const wrapper = mount(StatusView, { global: { plugins: [pinia, createAppI18n(locale), ElementPlus] } });
  await flushPromises();
  return wrapper;
}

describe('StatusView', () => {
  it('shows the workstation id, database file, schema version and app version in Chinese', async () => {
    const wrapper = await mountIn('zh-CN');
    expect(wrapper.get('[data-testid="workstation-id"]').text()).toBe(status.workstationId);
    expect(wrapper.get('[data-testid="db-file"]').text()).toBe('/data/dingxing.sqlite');
    expect(wrapper.get('[data-testid="schema-version"]').text()).toBe('4');
    expect(wrapper.text()).toContain('9.9.9');
    expect(wrapper.text()).toContain('数据库结构版本');
    expect(wrapper.text()).toContain('单位：12');
    expect(wrapper.text()).toContain('浏览器 (本机服务)');
  });

  it('speaks English when English is chosen', async () => {
    const wrapper = await mountIn('en');
    expect(wrapper.text()).toContain('Schema version');
    expect(wrapper.text()).toContain('Units: 12');
  });
});
