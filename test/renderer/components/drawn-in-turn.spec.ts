// A costly part of a screen (a pager, a row of selects) is made after the rest of the screen is
// painted, in a task of its own; until then something of its size stands in, and a screen left
// before its turn never makes it.
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import DrawnInTurn from '../../../renderer/src/components/DrawnInTurn.vue';

let made = 0;
const Costly = defineComponent({
  setup: () => {
    made += 1;
    return () => h('div', { class: 'calendar' }, '2026年12月');
  },
});
const mountPart = () => mount(DrawnInTurn, { slots: { default: () => h(Costly), waiting: () => h('div', { class: 'waiting' }, '开始日期 - 结束日期') } });

describe('DrawnInTurn', () => {
  beforeEach(() => {
    made = 0;
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows what stands in while the screen paints, then makes the part in a task of its own', async () => {
    const part = mountPart();
    expect(part.find('.waiting').exists()).toBe(true);
    expect(made).toBe(0);
    vi.advanceTimersToNextFrame();
    expect(made).toBe(0);
    vi.advanceTimersToNextTimer();
    await part.vm.$nextTick();
    expect(made).toBe(1);
    expect(part.find('.calendar').text()).toBe('2026年12月');
    expect(part.find('.waiting').exists()).toBe(false);
  });

  it('never makes the part of a screen left before its turn', () => {
    const part = mountPart();
    part.unmount();
    vi.advanceTimersToNextFrame();
    vi.runAllTimers();
    expect(made).toBe(0);
  });
});
