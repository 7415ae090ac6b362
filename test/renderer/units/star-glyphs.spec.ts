// Stars are shown as ★ glyphs plus the number with a spoken label, never by colour alone.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StarGlyphs from '../../../renderer/src/components/StarGlyphs.vue';
import { createAppI18n } from '../../../renderer/src/i18n/index';

function render(stars: number, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(StarGlyphs, { props: { stars }, global: { plugins: [createAppI18n(locale)] } });
}

describe('StarGlyphs', () => {
  it('shows filled and empty stars and the number', () => {
    const wrapper = render(3);
    expect(wrapper.text().replace(/\s/g, '')).toBe('★★★☆☆3');
    expect(wrapper.attributes('aria-label')).toBe('3 星');
  });

  it('says "no stars" for 0 and clamps out-of-range values', () => {
    expect(render(0).attributes('aria-label')).toBe('未评星');
    expect(render(0, 'en').attributes('aria-label')).toBe('No stars');
    expect(render(9).text().replace(/\s/g, '')).toBe('★★★★★5');
  });
});
