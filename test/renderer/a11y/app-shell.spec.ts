// The frame a keyboard and a screen reader meet first: landmarks, the navigation as links with the current section
// marked, a skip link, and the focus on the new page's heading after every page change.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { createAppI18n } from '../../../renderer/src/i18n/index';

vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', onUnauthorized: () => () => undefined, loginSession: { token: null }, api: { call: vi.fn(async () => ({})) } }));
const { default: AppShell } = await import('../../../renderer/src/layouts/AppShell.vue');
const { sectionRoutes } = await import('../../../renderer/src/router');

/** A page per section that draws its h1 a moment after it mounts, as pages do once their data arrives. */
const Page = defineComponent({
  props: { title: { type: String, required: true } },
  data: () => ({ loaded: false }),
  mounted() {
    setTimeout(() => (this.loaded = true), 10);
  },
  render() {
    return this.loaded ? h('div', [h('h1', this.title), h('input', { id: 'field' })]) : h('div', 'loading');
  },
});

async function shell(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      ...sectionRoutes.map((section) => ({ path: section.path, component: Page, props: { title: `page ${section.path}` }, meta: section.meta })),
      { path: '/units/:id', component: Page, props: { title: 'unit page' }, meta: { titleKey: 'nav.units' } },
    ],
  });
  await router.push('/');
  await router.isReady();
  const wrapper = mount(defineComponent({ render: () => h(AppShell, null, { default: () => h(RouterView) }) }), {
    global: { plugins: [pinia, router, createAppI18n(locale), ElementPlus] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

async function headingFocused(): Promise<string> {
  await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('H1'), { timeout: 2000 });
  return document.activeElement?.textContent ?? '';
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('AppShell', () => {
  it('has a banner, a named navigation of links and a main region', async () => {
    const { wrapper } = await shell();
    expect(wrapper.find('header[role="banner"]').exists()).toBe(true);
    const nav = wrapper.get('nav');
    expect(nav.attributes('aria-label')).toBe('主导航');
    const links = nav.findAll('a');
    expect(links.map((link) => link.text())).toEqual(['首页', '单位', '评定', '计划', '证书', '区县与平安鼎', '数据交换', '设置']);
    // Links, not menu items: each in the Tab order, each with an address.
    for (const link of links) {
      expect(link.attributes('role')).toBeUndefined();
      expect(link.attributes('tabindex')).toBeUndefined();
      expect(link.attributes('href')).toMatch(/^\/|#/);
    }
    expect(wrapper.find('main#main-content').exists()).toBe(true);
    wrapper.unmount();
  });

  it('marks the current section with aria-current, on its sub-pages too', async () => {
    const { wrapper, router } = await shell();
    expect(wrapper.get('[data-testid="nav-/"]').attributes('aria-current')).toBe('page');
    await router.push('/units/u1');
    await flushPromises();
    expect(wrapper.get('[data-testid="nav-/units"]').attributes('aria-current')).toBe('page');
    expect(wrapper.get('[data-testid="nav-/"]').attributes('aria-current')).toBeUndefined();
    wrapper.unmount();
  });

  it('opens a section from its link and puts the focus on the new page’s heading', async () => {
    const { wrapper, router } = await shell();
    expect(await headingFocused()).toBe('page /');
    const link = wrapper.get('[data-testid="nav-/assessments"]');
    (link.element as HTMLElement).focus();
    await link.trigger('click');
    // The shell lets the browser paint the marked link for a frame before the section's page is made.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/assessments'));
    await flushPromises();
    expect(await headingFocused()).toBe('page /assessments');
    wrapper.unmount();
  });

  it('leaves the focus alone when only a tab’s ?query changes', async () => {
    const { wrapper, router } = await shell();
    await router.push('/settings');
    await headingFocused();
    (document.getElementById('field') as HTMLElement).focus();
    await router.replace('/settings?tab=backups');
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement?.id).toBe('field');
    wrapper.unmount();
  });

  it('skips to the page’s heading without changing the address', async () => {
    const { wrapper, router } = await shell('en');
    await headingFocused();
    const skip = wrapper.get('[data-testid="skip-link"]');
    expect(skip.text()).toBe('Skip to main content');
    (wrapper.get('[data-testid="nav-/units"]').element as HTMLElement).focus();
    await skip.trigger('click');
    expect(document.activeElement?.tagName).toBe('H1');
    expect(router.currentRoute.value.fullPath).toBe('/');
    wrapper.unmount();
  });

  it('labels each language of the switch in its own language', async () => {
    const { wrapper } = await shell('en');
    const options = wrapper.get('[data-testid="language-switch"]').findAll('label');
    expect(options.map((option) => [option.text(), option.attributes('lang')])).toEqual([['中文', 'zh-CN'], ['English', 'en']]);
    wrapper.unmount();
  });
});
