// A screen's charts are drawn after the page paints, one per task, and a chart gone before its turn is skipped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawInTurn } from '../../../renderer/src/components/charts/draw-in-turn';

describe('drawInTurn', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the next frame, then draws one job per task', () => {
    const drawn: string[] = [];
    for (const name of ['composite', 'coverage', 'aspects']) drawInTurn(() => drawn.push(name));
    expect(drawn).toEqual([]);
    vi.advanceTimersToNextFrame();
    expect(drawn).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['composite']);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['composite', 'coverage']);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['composite', 'coverage', 'aspects']);
  });

  it('skips a job cancelled before its turn', () => {
    const drawn: string[] = [];
    drawInTurn(() => drawn.push('first'));
    const cancel = drawInTurn(() => drawn.push('gone'));
    drawInTurn(() => drawn.push('last'));
    cancel();
    vi.advanceTimersToNextFrame();
    vi.runAllTimers();
    expect(drawn).toEqual(['first', 'last']);
  });
});
